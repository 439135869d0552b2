/* Redaction and intents through the C ABI, from C: a text, a batch with
 * lengths, options (kinds, placeholders, all URLs), spans and offsets,
 * intent flags and reasons, and the errors (invalid UTF-8 naming the text,
 * NULL arguments, unknown kind bits, an index past the end). The expected
 * outputs are the rules of include/candor/pii.hpp and intents.hpp applied by
 * hand. */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

static void test_redact_one(void) {
  const char* text = "Mail a@b.com or call +1 555 123 4567.";
  candor_redaction* r = NULL;
  const char* out = NULL;
  size_t length = 0, n = 0;
  const candor_pii_span* spans = NULL;
  CHECK(candor_redact(text, strlen(text), NULL, &r) == CANDOR_OK);
  CHECK(candor_redaction_count(r, &n) == CANDOR_OK && n == 1);
  CHECK(candor_redaction_text(r, 0, &out, &length) == CANDOR_OK);
  CHECK(strcmp(out, "Mail [EMAIL] or call [PHONE].") == 0);
  CHECK(length == strlen("Mail [EMAIL] or call [PHONE]."));
  CHECK(candor_redaction_spans(r, 0, &spans, &n) == CANDOR_OK && n == 2);
  CHECK(spans[0].kind == CANDOR_PII_EMAIL && spans[0].begin == 5 && spans[0].end == 12);
  CHECK(spans[0].output_begin == 5 && spans[0].output_end == 12);
  CHECK(spans[1].kind == CANDOR_PII_PHONE && spans[1].begin == 21 && spans[1].end == 36);
  CHECK(spans[1].output_begin == 21 && spans[1].output_end == 28);
  CHECK(candor_redaction_text(r, 1, &out, NULL) == CANDOR_OUT_OF_RANGE);
  candor_redaction_free(r);
  candor_redaction_free(NULL);
}

static void test_redact_batch_options(void) {
  const char* texts[3] = {"card 4111 1111 1111 1111 xx", NULL, "see https://example.com/a"};
  size_t lengths[3] = {24, 0, 25};  /* the first text cut before " xx" */
  candor_redact_options options;
  candor_redaction* r = NULL;
  const char* out = NULL;
  const candor_pii_span* spans = NULL;
  size_t n = 0;
  candor_redact_options_init(&options);
  CHECK(options.size == sizeof(options) && options.kinds == 0x1F && options.redact_all_urls == 0);
  CHECK(options.email_placeholder == NULL && options.url_placeholder == NULL);
  options.card_placeholder = "<card>";
  options.redact_all_urls = 1;
  CHECK(candor_redact_batch(texts, lengths, 3, &options, &r) == CANDOR_OK);
  CHECK(candor_redaction_count(r, &n) == CANDOR_OK && n == 3);
  CHECK(candor_redaction_text(r, 0, &out, NULL) == CANDOR_OK && strcmp(out, "card <card>") == 0);
  CHECK(candor_redaction_text(r, 1, &out, NULL) == CANDOR_OK && strcmp(out, "") == 0);
  CHECK(candor_redaction_spans(r, 1, &spans, &n) == CANDOR_OK && n == 0 && spans == NULL);
  CHECK(candor_redaction_text(r, 2, &out, NULL) == CANDOR_OK && strcmp(out, "see [URL]") == 0);
  candor_redaction_free(r);
  /* Only emails. */
  options.kinds = 1u << CANDOR_PII_EMAIL;
  CHECK(candor_redact_batch(texts, NULL, 1, &options, &r) == CANDOR_OK);
  CHECK(candor_redaction_text(r, 0, &out, NULL) == CANDOR_OK &&
        strcmp(out, "card 4111 1111 1111 1111 xx") == 0);
  candor_redaction_free(r);
}

static void test_redact_errors(void) {
  const char* bad[2] = {"fine", "caf\xC3"};
  candor_redact_options options;
  candor_redaction* r = (candor_redaction*)&options; /* must be set to NULL */
  CHECK(candor_redact_batch(bad, NULL, 2, NULL, &r) == CANDOR_INVALID_UTF8);
  CHECK(r == NULL);
  CHECK(strstr(candor_last_error(), "text 1") != NULL);
  CHECK(strstr(candor_last_error(), "byte 3") != NULL);
  CHECK(candor_redact("x", 1, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_redact_batch(NULL, NULL, 1, NULL, &r) == CANDOR_INVALID_ARGUMENT);
  candor_redact_options_init(&options);
  options.kinds = 0x20;
  CHECK(candor_redact("x", 1, &options, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "kinds") != NULL);
  options.kinds = 0x1F;
  options.size = 3;
  CHECK(candor_redact("x", 1, &options, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_redaction_count(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
}

static void test_intents(void) {
  const char* texts[4] = {"The app keeps crashing, we will cancel.", "How do I export?",
                          "Love it! Please add dark mode.", ""};
  candor_intents* intents = NULL;
  const uint32_t* flags = NULL;
  const char* reasons = NULL;
  size_t n = 0;
  CHECK(candor_intents_classify(texts, NULL, 4, &intents) == CANDOR_OK);
  CHECK(candor_intents_flags(intents, &flags, &n) == CANDOR_OK && n == 4);
  CHECK(flags[0] == ((1u << CANDOR_INTENT_COMPLAINT) | (1u << CANDOR_INTENT_NEEDS_RESPONSE)));
  CHECK(flags[1] == ((1u << CANDOR_INTENT_QUESTION) | (1u << CANDOR_INTENT_NEEDS_RESPONSE)));
  CHECK(flags[2] == ((1u << CANDOR_INTENT_SUGGESTION) | (1u << CANDOR_INTENT_PRAISE)));
  CHECK(flags[3] == 0);
  CHECK(candor_intents_reasons(intents, 0, &reasons) == CANDOR_OK);
  CHECK(strcmp(reasons, "complaint: problem 'crashing'; needs_response: churn threat 'will "
                        "cancel'") == 0);
  CHECK(candor_intents_reasons(intents, 3, &reasons) == CANDOR_OK && strcmp(reasons, "") == 0);
  CHECK(candor_intents_reasons(intents, 4, &reasons) == CANDOR_OUT_OF_RANGE);
  candor_intents_free(intents);
  candor_intents_free(NULL);
  texts[1] = "\xFF";
  CHECK(candor_intents_classify(texts, NULL, 2, &intents) == CANDOR_INVALID_UTF8);
  CHECK(strstr(candor_last_error(), "comment 1") != NULL);
  CHECK(candor_intents_classify(texts, NULL, 2, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_intents_classify(NULL, NULL, 0, &intents) == CANDOR_OK);
  CHECK(candor_intents_flags(intents, &flags, &n) == CANDOR_OK && n == 0);
  candor_intents_free(intents);
}

int main(void) {
  test_redact_one();
  test_redact_batch_options();
  test_redact_errors();
  test_intents();
  return report();
}
