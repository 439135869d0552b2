// Negators, intensifiers/downtoners and contrast words (Taboada et al. 2011
// §2.3-2.5; Quirk et al. 1985 ch. 8 on amplifiers and downtoners; Hutto and
// Gilbert 2014 rules 3-5), written for this project. Negators of es, fr,
// de and pt are included so a user lexicon in those languages gets negation.
#include "sentiment_rules.hpp"

namespace candor::text::internal {

std::vector<RuleWord> RuleWords() {
  // clang-format off
  return {
    {"not|no|never|n't|nor|neither|nobody|nothing|none|nowhere|noone|cannot|without", RuleKind::kNegator, 0},
    {"don't|doesn't|didn't|isn't|wasn't|aren't|weren't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|hadn't|ain't|mustn't|needn't", RuleKind::kNegator, 0},
    {"dont|doesnt|didnt|isnt|wasnt|arent|werent|wont|wouldnt|cant|couldnt|shouldnt|havent|hasnt|hadnt|aint", RuleKind::kNegator, 0},
    {"hardly|barely|scarcely|lack|lacks|lacking|lacked", RuleKind::kNegator, 0},
    {"nunca|jamás|jamas|ni|nada|nadie|sin|ne|pas|jamais|rien|personne|sans|nicht|kein|keine|keinen|keiner|nie|niemals|ohne|não|nao|nem|sem|ninguém", RuleKind::kNegator, 0},
    {"extremely|incredibly|exceptionally|utterly|insanely|ridiculously|tremendously|unbelievably|amazingly", RuleKind::kModifier, 0.5},
    {"absolutely|completely|totally|thoroughly|entirely|highly|super|seriously|truly|especially|particularly|remarkably|deeply|so much|very very", RuleKind::kModifier, 0.4},
    {"very|really|so|definitely|genuinely|certainly|most|much|such|quite a|way", RuleKind::kModifier, 0.3},
    {"too|more|even", RuleKind::kModifier, 0.15},
    {"pretty|fairly|reasonably|rather|mostly|relatively", RuleKind::kModifier, -0.15},
    {"somewhat|moderately|almost|nearly|partly|partially|kind of|sort of|kinda|sorta|a bit|a little|a tad|little bit|bit", RuleKind::kModifier, -0.4},
    {"slightly|mildly|marginally|barely noticeable|minimally", RuleKind::kModifier, -0.5},
    {"but|however|nevertheless|nonetheless|except|pero|mais|aber|mas|sondern|cependant", RuleKind::kContrast, 0},
    {"although|though|even though|even if|despite|in spite of|aunque|bien que|obwohl|embora", RuleKind::kConcession, 0},
  };
  // clang-format on
}

}  // namespace candor::text::internal
