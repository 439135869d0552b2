// Check digits of card numbers (Luhn) and IBANs (MOD 97-10).
#include <cstdint>
#include <string_view>

#include "scanners.hpp"

namespace candor::pii::internal {

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool twice = false;  // every second digit from the right is doubled
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool Iban97Valid(std::string_view iban) {
  if (iban.size() < 5) return false;
  uint32_t remainder = 0;
  auto feed = [&remainder](char c) {
    if (IsDigit(c)) {
      remainder = (remainder * 10 + static_cast<uint32_t>(c - '0')) % 97;
    } else {  // a letter is two digits, A = 10 .. Z = 35
      remainder = (remainder * 100 + static_cast<uint32_t>(ToUpper(c) - 'A' + 10)) % 97;
    }
  };
  for (size_t i = 4; i < iban.size(); ++i) feed(iban[i]);
  for (size_t i = 0; i < 4; ++i) feed(iban[i]);
  return remainder == 1;
}

int IbanLength(char first, char second) {
  struct Country {
    char code[3];
    int length;
  };
  // ISO 13616 IBAN registry (SWIFT), the countries most often met.
  static constexpr Country kCountries[] = {
      {"AD", 24}, {"AE", 23}, {"AT", 20}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
      {"BR", 29}, {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"EE", 20},
      {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GI", 23}, {"GL", 18},
      {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IS", 26}, {"IT", 27},
      {"KW", 30}, {"KZ", 20}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27},
      {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28}, {"PT", 25}, {"QA", 29},
      {"RO", 24}, {"RS", 22}, {"SA", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
      {"TR", 26}, {"UA", 29}};
  const char a = ToUpper(first), b = ToUpper(second);
  for (const Country& country : kCountries) {
    if (country.code[0] == a && country.code[1] == b) return country.length;
  }
  return 0;
}

}  // namespace candor::pii::internal
