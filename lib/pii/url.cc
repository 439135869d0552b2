// URLs, and whether one carries a secret.
#include <string_view>
#include <vector>

#include "scanners.hpp"

namespace candor::pii::internal {
namespace {

// Query or fragment parameters whose value is a credential (compared
// without case).
constexpr std::string_view kSecretParameters[] = {"token",
                                                  "access_token",
                                                  "refresh_token",
                                                  "id_token",
                                                  "auth",
                                                  "auth_token",
                                                  "authorization",
                                                  "api_key",
                                                  "apikey",
                                                  "key",
                                                  "secret",
                                                  "client_secret",
                                                  "password",
                                                  "passwd",
                                                  "pwd",
                                                  "pass",
                                                  "sig",
                                                  "signature",
                                                  "session",
                                                  "sessionid",
                                                  "session_id",
                                                  "sid",
                                                  "code",
                                                  "otp",
                                                  "jwt",
                                                  "reset",
                                                  "invite",
                                                  "x-amz-signature",
                                                  "x-amz-credential",
                                                  "x-goog-signature"};

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

bool StartsWithNoCase(std::string_view text, size_t at, std::string_view prefix) {
  return text.size() - at >= prefix.size() && EqualsNoCase(text.substr(at, prefix.size()), prefix);
}

bool EndsUrl(unsigned char c) {
  return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == 0x7F;
}

// A path segment made to be unguessable: long, of token bytes, with both
// many letters and many digits (a word or a number alone is not a token).
bool LooksLikeToken(std::string_view segment) {
  if (segment.size() < 20) return false;
  int letters = 0, digits = 0;
  for (char c : segment) {
    if (IsDigit(c)) {
      ++digits;
    } else if (IsAlpha(c)) {
      ++letters;
    } else if (c != '_' && c != '-') {
      return false;
    }
  }
  return letters >= 4 && digits >= 4;
}

bool HasSecret(std::string_view url) {
  size_t scheme_end = url.find("://");
  size_t authority = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  size_t path = url.find_first_of("/?#", authority);
  if (path == std::string_view::npos) path = url.size();
  // user:password@host
  std::string_view host_part = url.substr(authority, path - authority);
  size_t at = host_part.find('@');
  if (at != std::string_view::npos && host_part.substr(0, at).find(':') != std::string_view::npos) {
    return true;
  }
  // Path segments, then parameters of the query and the fragment.
  size_t query = url.find_first_of("?#", path);
  if (query == std::string_view::npos) query = url.size();
  std::string_view path_part = url.substr(path, query - path);
  for (size_t start = 0; start <= path_part.size();) {
    size_t slash = path_part.find('/', start);
    if (slash == std::string_view::npos) slash = path_part.size();
    if (LooksLikeToken(path_part.substr(start, slash - start))) return true;
    start = slash + 1;
  }
  for (size_t i = query; i < url.size();) {
    size_t next = url.find_first_of("&;#", i + 1);
    if (next == std::string_view::npos) next = url.size();
    std::string_view parameter = url.substr(i + 1, next - i - 1);
    size_t eq = parameter.find('=');
    if (eq != std::string_view::npos && eq + 1 < parameter.size()) {
      std::string_view name = parameter.substr(0, eq);
      for (std::string_view secret : kSecretParameters) {
        if (EqualsNoCase(name, secret)) return true;
      }
      if (LooksLikeToken(parameter.substr(eq + 1))) return true;
    }
    i = next;
  }
  return false;
}

}  // namespace

void FindUrls(std::string_view text, std::vector<UrlRange>* out) {
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c != 'h' && c != 'H' && c != 'f' && c != 'F' && c != 'w' && c != 'W') continue;
    if (i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t body;  // where the part after the scheme starts
    if (StartsWithNoCase(text, i, "https://")) {
      body = i + 8;
    } else if (StartsWithNoCase(text, i, "http://")) {
      body = i + 7;
    } else if (StartsWithNoCase(text, i, "ftp://")) {
      body = i + 6;
    } else if (StartsWithNoCase(text, i, "www.")) {
      body = i + 4;
    } else {
      continue;
    }
    size_t end = body;
    while (end < n && !EndsUrl(static_cast<unsigned char>(text[end]))) ++end;
    // Sentence punctuation after a URL, and a ')' that closes a parenthesis
    // opened before it, are not part of it.
    for (;;) {
      if (end <= body) break;
      const char last = text[end - 1];
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
        --end;
      } else if (last == ')' && text.substr(i, end - i).find('(') == std::string_view::npos) {
        --end;
      } else {
        break;
      }
    }
    if (end == body || !IsAlnum(text[body])) continue;
    std::string_view url = text.substr(i, end - i);
    out->push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(end)}, HasSecret(url)});
    i = end - 1;
  }
}

}  // namespace candor::pii::internal
