// candor/text_discovery.hpp — theme discovery without a taxonomy: what are
// customers talking about?
//
//   tokenized comments (text.hpp)
//   -> vocabulary and document-term counts: folded words (or Snowball stems),
//      stop words, numbers, punctuation, emoji and one-letter words dropped;
//      bigram collocations; min_df / max_df
//   -> TF-IDF, exactly as scikit-learn's TfidfVectorizer
//   -> NMF  X ~= W H  (NNDSVD start, HALS coordinate descent)
//   -> coherence (NPMI) of each theme's top words; k chosen by it
//   -> labels: c-TF-IDF key phrases of the comments each theme dominates.
//
// Formulas and references:
//
// Bigram collocations. Two words adjacent in a sentence, neither a stop word
// nor dropped, with c(a b) occurrences among N word tokens; a and b occur
// c(a), c(b) times. Normalized PMI (Bouma 2009, "Normalized (pointwise)
// mutual information in collocation extraction", Proc. GSCL):
//     npmi(a b) = ln( P(a b) / (P(a) P(b)) ) / -ln P(a b),
//     P(a b) = c(a b) / N,  P(a) = c(a) / N.
// A pair is a phrase term "a b" when c(a b) >= bigram_min_count and
// npmi >= bigram_min_npmi; a phrase is counted in addition to its words.
//
// Document filters (as scikit-learn's CountVectorizer): a term is kept when
// its document frequency df (documents containing it) satisfies
// df >= min_df and df <= max_df * n_documents. Terms are sorted by their
// UTF-8 bytes (= code points, = Python's sorted()).
//
// TF-IDF (scikit-learn TfidfVectorizer/TfidfTransformer defaults):
//     tf(t, d)  = count,  or 1 + ln(count) with sublinear_tf
//     idf(t)    = ln((1 + n) / (1 + df(t))) + 1   (smooth_idf)
//               = ln(n / df(t)) + 1               (smooth_idf = false)
//     x(d, t)   = tf * idf, each row scaled to unit Euclidean norm (l2;
//                 a row of zeros stays zero).
//
// NMF. Minimizes the Frobenius loss  L = ||X - W H||_F^2  over W (n x k),
// H (k x m), both >= 0.
//  - Start: NNDSVD (Boutsidis and Gallopoulos 2008, "SVD based
//    initialization: A head start for nonnegative matrix factorization",
//    Pattern Recognition 41:1350-1362) from the leading k singular triplets
//    (sigma_j, u_j, v_j) of X: W_0 = sqrt(sigma_1)|u_1|, H_0 = sqrt(sigma_1)|v_1|;
//    for j >= 2 split u = u+ - u-, v = v+ - v-; with m+ = |u+||v+|,
//    m- = |u-||v-| take the larger side (u+, v+, m+) or (u-, v-, m-):
//    W_j = sqrt(sigma_j m) u+/|u+|, H_j = sqrt(sigma_j m) v+/|v+|. Entries
//    below 1e-6 become 0 (as scikit-learn). kNndsvda then sets every zero to
//    mean(X); kNndsvdar to mean(X) |z| / 100, z standard normal from the seed
//    (the paper's NNDSVDa and NNDSVDar).
//    The singular triplets come from Eigen's dense SVD (kExact) or a seeded
//    randomized SVD (Halko, Martinsson and Tropp 2011, SIAM Review
//    53:217-288, Algorithm 4.4: k + oversamples Gaussian test vectors, q
//    power iterations re-orthonormalized by QR (CholeskyQR2); q = 4 by
//    default: scikit-learn's randomized_svd takes 7 when k < min(n, m)/10,
//    but on the 4,000 fine-food reviews q = 3 or 4 gave the same mean NPMI
//    and a loss within 0.01% after HALS, over k = 5..20 and 3 seeds, at
//    half the start's cost). kAuto: exact when n * m <= 40,000.
//  - Updates: hierarchical alternating least squares (HALS; Cichocki and
//    Phan 2009, "Fast local algorithms for large scale nonnegative matrix and
//    tensor factorizations", IEICE Trans. Fundamentals E92-A:708-721), the
//    family of scikit-learn's solver='cd'. One iteration updates every column
//    of W, then every row of H, each in closed form given the others:
//      W(:, t) <- max(0, W(:, t) - (W (H H^T)(:, t) - (X H^T)(:, t)) / (H H^T)(t, t))
//    and the same for H^T with W^T W and X^T W. X H^T and X^T W are sparse
//    products, H H^T and W^T W are k x k. Each step minimizes L exactly in
//    one block, so L never increases.
//  - Stopping: after iteration i, L_i = ||X||^2 - 2 <X^T W, H^T> + <W^T W, H H^T>
//    (no dense residual); stop when L_{i-1} - L_i <= tol * L_{i-1}, when
//    L_i <= 1e-14 ||X||^2 (an exact fit), or after max_iter iterations.
//  - Threads: sparse products and updates run on row blocks; Gram matrices
//    and the loss are summed over fixed blocks of 512 rows in block order,
//    so the result is bit-identical on any thread count.
//
// Coherence. For a theme's top-N terms w_1..w_N (N = top_terms), over the D
// documents of the corpus (boolean document co-occurrence), with
// P(w) = D(w) / D and P(w_i, w_j) = D(w_i, w_j) / D: the C_NPMI of Röder,
// Both and Hinneburg 2015 ("Exploring the space of topic coherence
// measures", WSDM) with epsilon = 1e-12 (as Palmetto and gensim):
//     npmi(w_i, w_j) = ln((P(w_i, w_j) + eps) / (P(w_i) P(w_j))) / -ln(P(w_i, w_j) + eps)
// (1 when P(w_i, w_j) = 1; -1 when a term occurs in no document), averaged
// over the N(N-1)/2 pairs: in [-1, 1],
// higher is more coherent. With k not given, k is the value in
// [k_min, k_max] with the highest mean coherence over its themes (the
// smallest such k on ties; a theme with fewer than 2 terms of positive
// weight counts as -1).
//
// Labels. c-TF-IDF (Grootendorst 2022, "BERTopic: Neural topic modeling with
// a class-based TF-IDF procedure", arXiv:2203.05794): the documents whose
// dominant theme is c form one class; with tf(t, c) the term's count in the
// class, f(t) its count over all classes and A the mean number of term
// occurrences per class:
//     ctfidf(t, c) = tf(t, c) / sum_t' tf(t', c) * ln(1 + A / f(t)).
// A theme's key phrases are its terms by c-TF-IDF (its H row when it
// dominates no document); its label joins the first label_phrases of them,
// skipping a word that belongs to one of its key phrases, a phrase whose
// words all appear in an earlier one, and, with 3 or more themes, a phrase
// among the first 2 x label_phrases key phrases of more than half of the
// themes (a word at the head of most themes, "like" in food reviews, names
// none of them).
//
// Per comment: weights = its W row divided by the row's sum (all 0 when the
// row is 0), and the dominant theme = argmax of the row, or -1 when the row's
// largest entry is below min_weight times the largest entry of W.
// Themes are returned ordered by the number of comments they dominate
// (descending), then by total weight.
#ifndef CANDOR_TEXT_DISCOVERY_HPP_
#define CANDOR_TEXT_DISCOVERY_HPP_

#include <candor.h>
#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <candor/text.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::text {

// A sparse matrix in compressed sparse rows. Row r's entries are
// [row_ptr[r], row_ptr[r + 1]) with strictly increasing column indices.
struct CsrMatrix {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<int64_t> row_ptr;  // rows + 1 entries, row_ptr[0] = 0
  std::vector<int32_t> col;
  std::vector<double> value;
  int64_t nnz() const { return static_cast<int64_t>(col.size()); }
};

// The structure and values are well formed (sizes, ordering, finite values;
// nonnegative when `nonnegative`). Errors name the first bad entry.
Status ValidateCsr(const CsrMatrix& matrix, bool nonnegative);

struct VocabularyOptions {
  bool stems = false;            // terms are Snowball stems, not folded words
  int32_t min_word_length = 2;   // in code points; shorter words are dropped
  int64_t min_df = 2;            // documents
  double max_df = 0.5;           // fraction of documents, in (0, 1]
  bool bigrams = true;           // add bigram collocations as phrase terms
  int64_t bigram_min_count = 5;
  double bigram_min_npmi = 0.25;
  int64_t max_terms = 0;         // keep the most frequent (by df); 0: all
  std::vector<std::string> extra_stop_words;  // folded forms, e.g. {"br"}
  // Also drop words that carry polarity or discourse rather than a topic
  // (negators "not", "no", "never", "nothing"...; contrast and concession
  // "but", "however", "although", "though", "yet") and web debris (HTML
  // "br"/"nbsp", "http", "https", "www", and any word with "://" or a
  // "www."/".com" part). Without this, "not" and "but" top every theme of
  // real reviews: the stop-word lists keep negators because sentiment and
  // taxonomy exclusions need them.
  bool drop_non_topic_words = true;
};

// The vocabulary and counts of a corpus.
struct DocumentTerms {
  std::vector<std::string> terms;         // sorted; phrases are "a b"
  std::vector<uint8_t> is_phrase;         // 1 for a bigram collocation
  std::vector<int64_t> document_frequency;
  CsrMatrix counts;                       // documents x terms
};

// The candidate words of one comment in order, with "" where adjacency is
// broken (a dropped token, the end of a sentence): the input of
// BuildDocumentTerms. Drops non-words, stop words, extra_stop_words and words
// shorter than min_word_length.
std::vector<std::string> DocumentWords(const TokenizedText& text, const VocabularyOptions& options);

// Counts terms over documents given as word sequences ("" breaks adjacency).
// Errors: no documents (CANDOR_EMPTY), no term left after the filters
// (CANDOR_EMPTY, saying which filter), bad options (CANDOR_INVALID_ARGUMENT).
Result<DocumentTerms> BuildDocumentTerms(const std::vector<std::vector<std::string>>& documents,
                                         const VocabularyOptions& options);

struct TfidfOptions {
  bool smooth_idf = true;
  bool sublinear_tf = false;
  bool l2_normalize = true;
};

// TF-IDF of a count matrix (same structure, new values); idf, if not null,
// receives idf(t) per column. Counts must be finite and >= 0.
Result<CsrMatrix> Tfidf(const CsrMatrix& counts, const TfidfOptions& options,
                        std::vector<double>* idf = nullptr);

enum class NmfInit : uint8_t { kNndsvd, kNndsvda, kNndsvdar };
enum class SvdMethod : uint8_t { kAuto, kExact, kRandomized };

// Nonzeros of X times k from which Nmf uses more than one thread: for its
// start (the randomized SVD starts threads for each product), and, from the
// lower kNmfTeamWork, for the iterations (one team of threads for the whole
// fit). Measured on 2 cores (bench/RESULTS.md).
inline constexpr double kNmfParallelWork = 8e6;
inline constexpr double kNmfTeamWork = 5e5;

struct NmfOptions {
  NmfInit init = NmfInit::kNndsvda;
  SvdMethod svd = SvdMethod::kAuto;
  int32_t max_iter = 200;  // 0 returns the initialization
  double tol = 1e-4;       // relative decrease of the loss
  uint64_t seed = 0;       // randomized SVD and kNndsvdar
  int32_t oversamples = 10;
  int32_t power_iterations = -1;  // -1: the default, 4
  // 0: all cores; the result never depends on it. Small fits run on one
  // thread (kNmfParallelWork, kNmfTeamWork): starting threads costs more
  // than it saves there.
  int32_t threads = 0;
  // Told done of total = max_iter x rows (each iteration counts its rows as
  // their blocks of 256 are updated; a fit that converges early jumps to
  // total); false stops the fit with CANDOR_CANCELLED (candor/progress.hpp).
  Progress progress;
};

struct NmfResult {
  int64_t rows = 0;
  int64_t cols = 0;
  int32_t k = 0;
  std::vector<double> w;     // rows x k, row-major
  std::vector<double> h;     // k x cols, row-major
  std::vector<double> loss;  // ||X - W H||_F^2: loss[0] at the start, then per iteration
  int32_t iterations = 0;
  bool converged = false;    // stopped by tol (or an exact fit), not max_iter
  double reconstruction_error() const;  // ||X - W H||_F of the result
};

// Errors: k < 1 or k > min(rows, cols) (CANDOR_INVALID_ARGUMENT), an all-zero
// matrix (CANDOR_EMPTY), a malformed matrix or negative entry
// (CANDOR_INVALID_ARGUMENT naming it), bad options.
Result<NmfResult> Nmf(const CsrMatrix& x, int32_t k, const NmfOptions& options);

// Mean C_NPMI of each topic's terms (column indices of `documents`, whose
// nonzero entries mark a term present in a document; see above). A topic with
// fewer than 2 terms has NaN coherence.
Result<std::vector<double>> NpmiCoherence(const CsrMatrix& documents,
                                          const std::vector<std::vector<int32_t>>& topics);

struct DiscoveryOptions {
  TokenizeOptions tokenize;
  VocabularyOptions vocabulary;
  TfidfOptions tfidf;
  NmfOptions nmf;
  int32_t k = 0;       // 0: choose in [k_min, k_max] by coherence
  int32_t k_min = 4;
  int32_t k_max = 15;
  int32_t top_terms = 10;      // N: terms per theme reported and scored
  int32_t label_phrases = 3;
  double min_weight = 1e-6;    // dominant theme -1 below this share of max(W)
  // For tokenizing and the fits; when k is chosen by coherence the candidate
  // fits run side by side, one thread each. Results never depend on it.
  int32_t threads = 0;
  // Told done of total = documents x (1 + candidates x nmf.max_iter), fixed
  // at the start (candidates: 1 when k is given, else k_max - k_min + 1):
  // one unit per comment tokenized, then per document row each NMF
  // iteration updates; skipped work (a fit that converges early, candidates
  // beyond what the terms allow) is counted when skipped, so done reaches
  // total. False stops the call with CANDOR_CANCELLED within a block of 256
  // rows of work. nmf.progress is not used here.
  Progress progress;
};

struct DiscoveredTheme {
  std::string label;
  std::vector<std::string> top_terms;     // by H weight
  std::vector<double> top_term_weights;
  std::vector<std::string> key_phrases;   // by c-TF-IDF
  std::vector<double> key_phrase_scores;
  double coherence = 0;                   // mean NPMI of top_terms
  int64_t documents = 0;                  // comments it dominates
  double total_weight = 0;                // sum of its normalized weights
};

struct ThemeDiscovery {
  std::vector<DiscoveredTheme> themes;
  int64_t documents = 0;
  std::vector<double> weights;    // documents x themes, row-major, rows sum to 1 or 0
  std::vector<int32_t> dominant;  // per document; -1 none
  std::vector<int32_t> k_tried;   // candidates and their mean coherence
  std::vector<double> k_coherence;
  double mean_coherence = 0;
  DocumentTerms terms;            // vocabulary and counts
  CsrMatrix tfidf;
  NmfResult nmf;                  // the chosen fit (columns follow `themes`)
};

Result<ThemeDiscovery> DiscoverThemes(const std::vector<TokenizedText>& texts,
                                      const DiscoveryOptions& options);
// Tokenizes with options.tokenize on options.threads threads first. Errors:
// those of Tokenizer (e.g. CANDOR_INVALID_UTF8 naming the comment), then the above.
Result<ThemeDiscovery> DiscoverThemes(const std::vector<std::string_view>& texts,
                                      const DiscoveryOptions& options);

}  // namespace candor::text

#endif  // CANDOR_TEXT_DISCOVERY_HPP_
