// Non-ASCII comments of several sentences (French with accents, curly
// apostrophes and emoji; some German, Japanese and English sentences), in
// three planted themes: every comment takes the tokenizer's ICU path, and
// theme discovery has terms to find. For the tests that run batches on
// several threads (one tokenizer per chunk).
#ifndef CANDOR_TESTS_TEXT_NON_ASCII_COMMENTS_HPP_
#define CANDOR_TESTS_TEXT_NON_ASCII_COMMENTS_HPP_

#include <string>
#include <vector>

namespace candor::testing {

inline std::vector<std::string> NonAsciiComments(int n) {
  static const char* const kWords[3][8] = {
      {"café", "crème", "arôme", "torréfaction", "grains", "expresso", "tasse", "amertume"},
      {"livraison", "colis", "retard", "transporteur", "suivi", "carton", "délai", "facteur"},
      {"clientèle", "réponse", "employé", "réclamation", "téléphone", "attente", "conseiller",
       "accueil"}};
  static const char* const kPhrases[3] = {"Café noir délicieux", "Colis abîmé",
                                          "Service client injoignable"};
  static const char* const kExtra[4] = {
      " Die Lieferung kam zu spät, schade.", " 配送がとても遅かった。商品は良いです。",
      " Great coffee, but the delivery was terrible.", " I’ll cancel my subscription 😡."};
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    const int t = i % 3;
    const int j = i / 3;
    std::string c = std::string("Le ") + kWords[t][j % 8] + " et le " + kWords[t][(j + 3) % 8] +
                    " étaient très décevants. " + kPhrases[t] + " ! J’ai aimé " +
                    kWords[t][(j + 5) % 8] + " 😊 — vraiment.";
    if (i % 5 != 0) c += kExtra[i % 4];
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_TEXT_NON_ASCII_COMMENTS_HPP_
