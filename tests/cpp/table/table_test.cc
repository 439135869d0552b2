// Dictionary interning and Table lookups and checks.
#include <gtest/gtest.h>

#include <candor/table.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace candor {
namespace {

TEST(Dictionary, InternsInOrderOfFirstAppearance) {
  Dictionary d;
  EXPECT_EQ(d.Intern("gold"), 0);
  EXPECT_EQ(d.Intern("silver"), 1);
  EXPECT_EQ(d.Intern("gold"), 0);
  EXPECT_EQ(d.Intern(""), 2);  // the empty label is a label like any other
  EXPECT_EQ(d.Intern("bronze"), 3);
  EXPECT_EQ(d.size(), 4u);
  EXPECT_EQ(d.labels(), (std::vector<std::string>{"gold", "silver", "", "bronze"}));
  EXPECT_EQ(d.Label(1), "silver");
  EXPECT_EQ(d.Find("bronze"), 3);
  EXPECT_EQ(d.Find(""), 2);
  EXPECT_EQ(d.Find("platinum"), -1);
  EXPECT_EQ(d.Find("Gold"), -1);  // case matters
  EXPECT_EQ(d.Label(-1), "");
  EXPECT_EQ(d.Label(4), "");
}

TEST(Dictionary, LooksUpAStringViewIntoALargerBuffer) {
  Dictionary d;
  const std::string buffer = "north,south";
  d.Intern(std::string_view(buffer).substr(0, 5));
  EXPECT_EQ(d.Find(std::string_view(buffer).substr(6)), -1);
  EXPECT_EQ(d.Find(std::string_view(buffer).substr(0, 5)), 0);
  EXPECT_EQ(d.Label(0), "north");
}

TEST(Dictionary, ManyLabelsKeepTheirCodes) {
  Dictionary d;
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(d.Intern("label" + std::to_string(i)), i);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(d.Find("label" + std::to_string(i)), i);
  EXPECT_EQ(d.Label(1234), "label1234");
}

TEST(Dictionary, CopiesAreIndependentAndMovesKeepTheIndex) {
  Dictionary a;
  a.Intern("x");
  a.Intern("y");
  Dictionary b = a;
  EXPECT_EQ(b.Intern("z"), 2);
  EXPECT_EQ(a.Find("z"), -1);
  EXPECT_EQ(a.size(), 2u);
  Dictionary c = std::move(b);
  EXPECT_EQ(c.Find("z"), 2);
  EXPECT_EQ(c.Intern("y"), 1);
  Dictionary d;
  d = c;
  EXPECT_EQ(d.Find("z"), 2);
  // A moved-from dictionary is still safe to use.
  EXPECT_EQ(b.Find("x"), -1);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(b.Intern("w"), 0);
  EXPECT_EQ(b.Find("w"), 0);
}

Table ThreeRowTable() {
  Table t;
  t.scores = {9, 7, 3};
  t.account.name = "company";
  for (const char* a : {"acme", "globex", "acme"}) {
    t.account.codes.push_back(t.account.dictionary.Intern(a));
  }
  t.role.name = "persona";
  for (const char* r : {"admin", "user", "user"}) {
    t.role.codes.push_back(t.role.dictionary.Intern(r));
  }
  CategoricalColumn region;
  region.name = "region";
  for (const char* r : {"emea", "emea", "apac"}) {
    region.codes.push_back(region.dictionary.Intern(r));
  }
  t.segments.push_back(std::move(region));
  return t;
}

TEST(Table, FindCategoricalBySegmentAccountAndRole) {
  const Table t = ThreeRowTable();
  ASSERT_NE(t.FindCategorical("region"), nullptr);
  EXPECT_EQ(t.FindCategorical("region")->codes, (std::vector<int32_t>{0, 0, 1}));
  EXPECT_EQ(t.FindCategorical("account"), &t.account);
  EXPECT_EQ(t.FindCategorical("company"), &t.account);
  EXPECT_EQ(t.FindCategorical("role"), &t.role);
  EXPECT_EQ(t.FindCategorical("persona"), &t.role);
  EXPECT_EQ(t.FindCategorical("plan"), nullptr);
  EXPECT_EQ(t.FindCategorical(""), nullptr);
}

TEST(Table, AbsentAccountAndRoleAreNotFound) {
  Table t;
  t.scores = {1, 2};
  EXPECT_EQ(t.FindCategorical("account"), nullptr);
  EXPECT_EQ(t.FindCategorical("role"), nullptr);
  EXPECT_TRUE(t.Validate().ok()) << t.Validate().message();
}

TEST(Table, ValidateAcceptsConsistentColumns) {
  Table t = ThreeRowTable();
  t.times = {1, 2, 3};
  t.weights = {1, 1, 2};
  t.comments = {"a", "", "c"};
  EXPECT_EQ(t.rows(), 3u);
  EXPECT_TRUE(t.Validate().ok()) << t.Validate().message();
}

TEST(Table, ValidateNamesTheInconsistentColumn) {
  Table t = ThreeRowTable();
  t.weights = {1, 2};
  Status s = t.Validate();
  EXPECT_EQ(s.code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_NE(s.message().find("weight"), std::string::npos) << s.message();

  t = ThreeRowTable();
  t.segments[0].codes.pop_back();
  s = t.Validate();
  EXPECT_EQ(s.code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_NE(s.message().find("'region'"), std::string::npos) << s.message();

  t = ThreeRowTable();
  t.role.codes[2] = 5;  // the dictionary has 2 labels
  s = t.Validate();
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("row 2"), std::string::npos) << s.message();

  t = ThreeRowTable();
  t.times = {1, 2, 3, 4};
  EXPECT_EQ(t.Validate().code(), CANDOR_LENGTH_MISMATCH);

  t = ThreeRowTable();
  t.comments = {"only one"};
  EXPECT_EQ(t.Validate().code(), CANDOR_LENGTH_MISMATCH);
}

}  // namespace
}  // namespace candor
