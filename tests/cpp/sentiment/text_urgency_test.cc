// Urgency (text_sentiment.hpp): one test per category, negation, priority,
// the reason and the byte span.
#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include "text_sentiment_test_util.hpp"

namespace candor::text {
namespace {

using testing::Analyze;

void ExpectUrgent(Analyze& a, const std::string& text, UrgencyCategory category,
                  const std::string& trigger) {
  const CommentSentiment& r = a(text);
  EXPECT_TRUE(r.urgency.flag) << text;
  EXPECT_EQ(r.urgency.category, category) << text << ": " << r.urgency.reason;
  EXPECT_EQ(text.substr(r.urgency.span_begin, r.urgency.span_end - r.urgency.span_begin), trigger)
      << text;
  EXPECT_NE(r.urgency.reason.find("'" + trigger + "'"), std::string::npos) << r.urgency.reason;
}

TEST(TextUrgency, Churn) {
  Analyze a;
  ExpectUrgent(a, "I am going to cancel my subscription.", UrgencyCategory::kChurn, "cancel");
  ExpectUrgent(a, "We are switching to another provider.", UrgencyCategory::kChurn, "switching to");
  ExpectUrgent(a, "Please close my account today", UrgencyCategory::kChurn, "close my account");
  EXPECT_EQ(a("I will cancel my plan").urgency.reason, "mentions cancelling: 'cancel'");
}

TEST(TextUrgency, RefundLegalUnresolvedSafety) {
  Analyze a;
  ExpectUrgent(a, "I want a refund now.", UrgencyCategory::kRefund, "refund");
  ExpectUrgent(a, "I will file a chargeback.", UrgencyCategory::kRefund, "chargeback");
  ExpectUrgent(a, "My lawyer will hear about this.", UrgencyCategory::kLegal, "lawyer");
  ExpectUrgent(a, "I will report you to the BBB.", UrgencyCategory::kLegal, "report you");
  ExpectUrgent(a, "The app is still broken after the update.", UrgencyCategory::kUnresolved,
               "still broken");
  ExpectUrgent(a, "This is the third time I write.", UrgencyCategory::kUnresolved, "third time");
  ExpectUrgent(a, "Nobody responded to my email.", UrgencyCategory::kUnresolved, "Nobody responded");
  ExpectUrgent(a, "These chips made me sick.", UrgencyCategory::kSafety, "made me sick");
  ExpectUrgent(a, "My son had an allergic reaction.", UrgencyCategory::kSafety, "allergic reaction");
  ExpectUrgent(a, "Pretty sure it was food poisoning", UrgencyCategory::kSafety, "food poisoning");
}

TEST(TextUrgency, NegatedTriggersDoNotFire) {
  Analyze a;
  EXPECT_FALSE(a("I won't cancel, the service is fine.").urgency.flag);
  EXPECT_FALSE(a("I would never sue anyone over this.").urgency.flag);
  EXPECT_FALSE(a("I did not get sick at all.").urgency.flag);
  EXPECT_FALSE(a("Great product, fast delivery.").urgency.flag);
  // A negator in an earlier clause does not reach the trigger.
  EXPECT_TRUE(a("Not happy. I will cancel.").urgency.flag);
}

TEST(TextUrgency, AMissingRefundIsStillARefundComplaint) {
  Analyze a;
  ExpectUrgent(a, "I didn't get a refund.", UrgencyCategory::kRefund, "refund");
  ExpectUrgent(a, "They never gave my money back", UrgencyCategory::kRefund, "money back");
  ExpectUrgent(a, "No refund, no reply.", UrgencyCategory::kRefund, "refund");
  // Returning the product stays negatable: keeping it is no alarm.
  EXPECT_FALSE(a("I won't return it, my kids love it.").urgency.flag);
}

TEST(TextUrgency, HighestPriorityWinsAndAllCategoriesAreListed) {
  Analyze a;
  const CommentSentiment& r = a("I want a refund: the bars gave me food poisoning.");
  EXPECT_EQ(r.urgency.category, UrgencyCategory::kSafety);
  const uint32_t refund = 1u << (static_cast<int>(UrgencyCategory::kRefund) - 1);
  const uint32_t safety = 1u << (static_cast<int>(UrgencyCategory::kSafety) - 1);
  EXPECT_EQ(r.urgency.categories, refund | safety);
  EXPECT_STREQ(UrgencyCategoryName(r.urgency.category), "safety");
}

}  // namespace
}  // namespace candor::text
