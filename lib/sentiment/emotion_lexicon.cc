// The emotion lexicon, written for this project: words, phrases and emoji
// that signal one of seven emotions in customer feedback, each with a weight
// in (0, 1] (1: the word names the emotion, "furious"; 0.5: a hint,
// "ugh"). Emotion categories follow customer-experience practice (Plutchik's
// wheel, R. Plutchik 1980, names anger and joy; frustration, annoyance,
// disappointment, confusion and gratitude are the CX refinements the issue
// asks for).
#include "sentiment_rules.hpp"

namespace candor::text::internal {

std::vector<EmotionWord> EmotionWords() {
  // clang-format off
  return {
    {"frustrating|frustrated|frustration|frustrates", Emotion::kFrustration, 1.0},
    {"fed up|sick of|tired of|sick and tired|had enough|at my wits end|exasperated|exasperating", Emotion::kFrustration, 0.9},
    {"hassle|nightmare|headache|runaround|run around|the run around|pain in the", Emotion::kFrustration, 0.7},
    {"over and over|again and again|every single time|keeps crashing|keeps breaking|still broken|still not working|still doesn't work|still waiting|third time|3rd time|fourth time", Emotion::kFrustration, 0.8},
    {"waste of time|on hold|hung up|ugh|argh|grr|grrr|\xF0\x9F\x98\xA4|\xF0\x9F\x98\xA9|\xF0\x9F\x98\xAB", Emotion::kFrustration, 0.6},
    {"angry|furious|livid|outraged|enraged|infuriated|infuriating|irate|mad|pissed|pissed off", Emotion::kAnger, 1.0},
    {"unacceptable|outrageous|disgraceful|how dare|scam|ripoff|rip off|ripped off|fraud|thieves|liars|lied", Emotion::kAnger, 0.8},
    {"ridiculous|insulting|appalling|disgusted|disgusting", Emotion::kAnger, 0.6},
    {"\xF0\x9F\x98\xA0|\xF0\x9F\x98\xA1|\xF0\x9F\xA4\xAC|>:(|>:-(", Emotion::kAnger, 0.9},
    {"annoying|annoyed|annoys|annoyance|irritating|irritated|irritates|irksome|bothersome|pesky|nagging", Emotion::kAnnoyance, 1.0},
    {"tedious|spam|spammy|pop-ups|popups|ads|meh|\xF0\x9F\x99\x84|\xF0\x9F\x98\x92", Emotion::kAnnoyance, 0.6},
    {"disappointed|disappointing|disappointment|disappoint|disappoints|letdown|let down", Emotion::kDisappointment, 1.0},
    {"underwhelming|underwhelmed|regret|regretted|not what i expected|expected more|expected better|could be better|not as good|not the same", Emotion::kDisappointment, 0.8},
    {"unfortunately|sadly|too bad|shame|pity|bummer|bummed|sad|used to|anymore|no longer", Emotion::kDisappointment, 0.5},
    {"\xF0\x9F\x98\x9E|\xF0\x9F\x98\x94|\xE2\x98\xB9|\xF0\x9F\x98\xA2|\xF0\x9F\x92\x94|:(|:-(", Emotion::kDisappointment, 0.7},
    {"confused|confusing|confusion|baffled|baffling|puzzled|puzzling|perplexed|bewildered", Emotion::kConfusion, 1.0},
    {"unclear|no idea|not sure|don't understand|do not understand|doesn't make sense|makes no sense|didn't understand|can't figure out|cannot figure out|how do i|what does|no clue", Emotion::kConfusion, 0.8},
    {"misleading|ambiguous|vague|\xF0\x9F\xA4\x94|\xF0\x9F\x98\x95", Emotion::kConfusion, 0.6},
    {"delighted|thrilled|ecstatic|overjoyed|love|loved|loves|adore|adored|delightful", Emotion::kDelight, 1.0},
    {"amazing|awesome|fantastic|wonderful|perfect|excellent|outstanding|delicious|yummy|happy|pleased|blown away|wow|yay|favorite|favourite", Emotion::kDelight, 0.7},
    {"great|enjoy|enjoyed|tasty|impressed|\xF0\x9F\x98\x8D|\xF0\x9F\xA5\xB0|\xF0\x9F\xA4\xA9|\xF0\x9F\x98\x8B|\xE2\x9D\xA4|:d|<3", Emotion::kDelight, 0.5},
    {"thank|thanks|thank you|thankful|grateful|gratitude|appreciate|appreciated|appreciative|kudos|shout out|shoutout|\xF0\x9F\x99\x8F", Emotion::kGratitude, 1.0},
    {"above and beyond|went out of their way|bent over backwards|saved the day|lifesaver", Emotion::kGratitude, 0.7},
  };
  // clang-format on
}

}  // namespace candor::text::internal
