// The built-in lexicon, written for this project from domain knowledge of
// customer-experience language: product quality, food and taste (the real
// corpus this library is measured on), delivery and packaging, price and
// billing, service and support, apps and software, and emoji/emoticons.
// It is NOT derived from VADER's or AFINN's word lists, nor mined from any
// review corpus.
//
// Scale -4..+4 (see text_sentiment.hpp). Rough anchors: +-4 extreme ("worst",
// "scam"); +-3 strong ("love", "awful"); +-2 clear ("helpful", "stale");
// +-1 mild ("fine", "pricey"); 0 neutral, listed only to stop a phrase being
// read word by word ("customer service", "tastes like").
//
// Entries are patterns: words separated by spaces, alternatives by '|'
// ("not|never buy|order again" is 4 phrases). A phrase wins over its words
// (longest match), which is how "not worth it" or "can't go wrong" get a
// valence of their own instead of the negation rule's.
#include <candor/text_sentiment.hpp>

#include "lexicon_fold.hpp"

namespace candor::text {
namespace {

struct Entry {
  const char* pattern;
  double valence;
};

// clang-format off
constexpr Entry kEntries[] = {
  // ---- general evaluation, strongest first
  {"perfect|flawless|outstanding|exceptional|phenomenal|superb|excellent", 3.5},
  {"amazing|awesome|fantastic|wonderful|incredible|spectacular|magnificent|stellar", 3.5},
  {"best|finest", 3.5},
  {"terrific|fabulous|marvelous|marvellous|brilliant|superior|exquisite|sublime", 3.2},
  {"great|greatest|impressive|remarkable|splendid", 3.0},
  {"perfectly|wonderfully|beautifully|amazingly|excellently|fantastically", 2.8},
  {"good|nice|pleasant|pleasing|lovely", 1.8},
  {"beautiful|gorgeous", 2.5},
  {"nicely|pleasantly|well-made", 1.8},
  {"solid|decent|respectable|adequate|acceptable|passable", 0.8},
  {"fine", 0.8},
  {"ok|okay|o.k.|alright", 0.2},
  {"better|improved|improvement", 1.0},
  {"cool|neat|fun|enjoyable", 2.0},
  {"wow|yay|hooray|woohoo", 2.5},
  {"bad|poor|poorly|inferior|subpar|sub-par|lousy|shoddy|crummy", -2.5},
  {"terrible|horrible|awful|dreadful|atrocious|abysmal|horrendous|appalling|pathetic", -3.5},
  {"worst", -4.0},
  {"worse", -2.5},
  {"mediocre|meh|so-so|lackluster|lacklustre|unremarkable|underwhelming|underwhelmed", -1.8},
  {"so so", -1.5},
  {"average|ordinary|nothing special|nothing to write home about", -1.0},
  {"useless|worthless|garbage|junk|trash|rubbish|crap|crappy", -3.2},
  {"sucks|sucked|suck|sucky", -3.0},
  {"unacceptable|inexcusable|ridiculous|absurd|ludicrous|outrageous", -3.0},
  {"disaster|disastrous|nightmare|fiasco", -3.5},
  {"fail|fails|failed|failure|failing", -2.0},
  {"problem|problems|issue|issues|trouble|troubles|defect|defects|flaw|flaws|flawed", -1.5},
  {"complaint|complaints|complain|complained|complaining", -1.5},
  {"no complaints|no complaint|no problems|no problem|no issues|problem free|trouble free", 2.0},
  {"nothing wrong", 1.5},
  {"wrong|incorrect|mistake|mistaken|error|errors", -2.0},
  {"weird|strange|odd|bizarre", -1.2},
  {"shame|pity|too bad", -2.0},
  {"sadly|unfortunately|unfortunate|alas|regrettably", -1.5},
  {"wish|wished|wishing", -1.0},
  {"hoped|hoping", -0.8},
  {"supposed to", -0.8},
  {"used to", -1.0},
  {"anymore|no longer", -1.5},
  {"not the same|not as good|not as good as", -2.0},
  {"could be better|could have been better|should have been better|expected better|expected more", -2.2},
  {"would have liked|would have preferred|would be nice|would have been nice", -1.2},
  {"not bad", 0.8},
  {"not great", -1.5},

  // ---- feelings, satisfaction, loyalty
  {"love|loved|loves|adore|adored|adores", 3.0},
  {"loving|lovin", 2.5},
  {"like|likes", 1.0},
  {"liked", 1.2},
  {"enjoy|enjoyed|enjoys|enjoying", 2.3},
  {"happy|glad|pleased|satisfied|content", 2.2},
  {"happily|gladly", 1.8},
  {"thrilled|delighted|ecstatic|overjoyed", 3.5},
  {"impressed|blown away", 2.8},
  {"excited|exciting", 2.0},
  {"favorite|favourite|favorites|favourites|fav|fave|faves", 3.0},
  {"hooked|obsessed|addicted|addictive|addicting", 2.5},
  {"recommend|recommended|recommending", 2.0},
  {"highly recommend|highly recommended", 3.2},
  {"not recommend|don't recommend|wouldn't recommend|cannot recommend|can't recommend|dont recommend|wouldnt recommend", -3.0},
  {"must have|must-have|a must|must buy|must try", 3.0},
  {"gem|winner|keeper|lifesaver|godsend|jackpot", 2.8},
  {"treat|delight|pleasure|joy|bliss", 2.2},
  {"heaven|heavenly|divine", 3.2},
  {"thank|thanks|thankful|grateful|appreciate|appreciated|kudos", 1.8},
  {"disappoint|disappoints", -2.5},
  {"disappointed|disappointing|disappointment|letdown|let down", -2.8},
  {"never disappoints|never disappointed|never disappoint", 3.0},
  {"unhappy|unsatisfied|dissatisfied|displeased|discontent", -2.5},
  {"sad|upset|bummed|bummer", -1.8},
  {"regret|regrets|regretted", -2.5},
  {"hate|hated|hates|loathe|despise|detest", -3.2},
  {"dislike|disliked|dislikes", -2.0},
  {"{don't|didn't|doesn't|dont|didnt|doesnt|not} like|{don't|didn't|doesn't|dont|didnt|doesnt} care for", -2.0},
  {"angry|furious|livid|outraged|enraged|infuriated|infuriating", -3.2},
  {"annoying|annoyed|irritating|irritated|aggravating", -2.2},
  {"frustrating|frustrated|frustration", -2.5},
  {"confusing|confused|unclear|baffling", -1.5},
  {"hassle|headache|pain in the", -2.0},
  {"beware|warning|avoid", -2.0},
  {"skeptical|doubtful|hesitant", -0.5},
  {"surprised|pleasantly surprised", 1.0},
  {"pleasantly surprised", 2.8},
  {"can't wait|cant wait|cannot wait", 2.0},
  {"can't go wrong|cant go wrong|cannot go wrong|can't beat|cant beat|can't be beat|hard to beat|second to none|cannot beat", 3.2},
  {"couldn't be happier|could not be happier|couldnt be happier", 3.8},
  {"can't get enough|cant get enough|cannot get enough|can't stop eating", 3.0},
  {"five stars|5 stars|five star|5 star|10/10|a+", 3.5},
  {"four stars|4 stars|four star|4 star", 0.8},
  {"three stars|3 stars|three star|3 star", -1.0},
  {"two stars|2 stars|two star|2 star", -2.2},
  {"one star|1 star|one stars|zero stars|0 stars|no stars", -3.2},

  // ---- buying again, value, price
  {"{buy|order|purchase|reorder|re-order|repurchase} again", 2.0},
  {"reorder|re-order|repurchase|reordered|reordering", 2.0},
  {"{buying|ordering|purchasing} again", 2.0},
  {"stock up|stocked up|stocking up|staple|go-to|go to snack|go to treat", 2.2},
  {"{not|never|won't|wont|wouldn't|wouldnt|don't|dont} {buy|order|purchase} again", -3.0},
  {"{not|never|won't|wont} {buying|ordering|purchasing} again", -3.0},
  {"never again|not again", -3.0},
  {"worth", 1.5},
  {"well worth|worth every penny|worth the money|worth the price|worth it", 2.5},
  {"not worth|not worth it|not worth the money|not worth the price|isn't worth|wasn't worth|isnt worth|wasnt worth", -3.0},
  {"value", 1.0},
  {"bargain|steal", 2.0},
  {"deal", 0.8},
  {"affordable|inexpensive|economical|reasonable|reasonably priced", 1.2},
  {"cheaper|savings", 0.8},
  {"expensive|pricey|costly|pricy", -1.2},
  {"overpriced|over priced|rip off|ripoff|rip-off|ripped off|highway robbery", -3.0},
  {"waste|wasted|wasting|wasteful", -2.5},
  {"waste of money|waste of time|waste your money|don't waste|dont waste|save your money", -3.5},
  {"money back", -2.0},
  {"refund|refunds|refunded|chargeback", -2.0},
  {"return|returns", -0.8},
  {"returned|returning|sent back|send back|sent it back|send it back", -2.2},
  {"throw away|threw away|thrown away|threw out|thrown out|throw out|threw it out|in the trash|into the trash|in the garbage|down the drain", -2.8},
  {"scam|scammed|scammers|fraud|fraudulent", -3.8},
  {"fake|counterfeit|knockoff|knock-off", -2.5},
  {"misleading|mislead|misled|deceptive|deceiving|false advertising|lied|lies|lying", -2.8},
  {"overcharged|charged twice|double charged|hidden fee|hidden fees|hidden charges", -3.0},
  {"fee|fees|surcharge", -0.8},

  // ---- food and drink
  {"delicious|scrumptious|delectable|mouthwatering|mouth-watering", 3.5},
  {"yummy|yum|tasty|yummmy|yumm|mmm|mmmm", 2.8},
  {"flavorful|flavourful|savory|savoury|aromatic|fragrant", 2.2},
  {"fresh|freshness|crisp|crispy|crunchy", 1.5},
  {"moist|tender|juicy|creamy|smooth|rich|hearty|filling|satisfying", 1.3},
  {"refreshing|invigorating", 2.0},
  {"healthy|nutritious|wholesome|natural|organic|balanced|authentic|homemade", 1.0},
  {"sweet|mild|light", 0.3},
  {"bland|flavorless|flavourless|tasteless|insipid", -2.5},
  {"no flavor|no flavour|no taste|lacks flavor|lacking flavor|lacks taste|zero flavor", -2.5},
  {"stale|rancid|spoiled|rotten|moldy|mouldy|mold|mould|expired|past the expiration", -3.0},
  {"inedible|disgusting|gross|nasty|vile|revolting|repulsive|sickening|foul|putrid", -3.6},
  {"soggy|mushy|slimy|rubbery|gritty|chalky|grainy|gummy|pasty|gooey", -1.8},
  {"greasy|oily|burnt|burned|overcooked|undercooked|dried out|dry", -1.3},
  {"bitter|sour|acidic|harsh|metallic|fishy|funky|musty", -1.5},
  {"watery|weak|diluted|watered down|thin", -1.5},
  {"artificial|chemical|chemicals|fillers|filler|preservatives|fake sugar", -1.5},
  {"aftertaste|after taste|after-taste", -1.8},
  {"cardboard|sawdust", -2.2},
  {"too {sweet|salty|sour|bitter|spicy|hot|strong|weak|dry|hard|soft|greasy|oily|thick|thin|rich|much|small|expensive|pricey|chewy|mushy|bland|artificial|sugary}", -1.5},
  {"salty|sugary|overpowering|overwhelming", -0.8},
  {"smell|smells|taste|tastes|tasted|flavor|flavors|flavour|flavours|texture", 0.0},
  {"tastes like|taste like|tasted like|tasting like|smells like|smelled like|looks like|feels like|felt like|seems like|seemed like|sounds like", 0.0},
  {"stink|stinks|stinky|smelly|reeks|reek|odor|odour|stench", -2.2},
  {"bug|bugs|worm|worms|insect|insects|maggots|weevils", -2.0},
  {"sick|ill|nauseous|nausea|vomit|vomiting|vomited|diarrhea|diarrhoea|upset stomach|stomach ache|stomachache", -2.8},
  {"made me sick|got sick|food poisoning|threw up|throw up|spit it out|spit out", -3.6},
  {"allergic reaction", -3.0},

  // ---- delivery, packaging, condition
  {"on time|as described|as advertised|as expected|as pictured|as promised|exactly as described", 1.5},
  {"fast|quick|quickly|speedy|promptly|prompt|early|ahead of schedule", 1.5},
  {"fast shipping|quick shipping|fast delivery|quick delivery|arrived quickly|arrived early|free shipping", 2.0},
  {"well packaged|well packed|packaged well|nicely packaged|securely packaged", 2.0},
  {"late|delayed|delay|delays|slow|slowly", -1.5},
  {"never arrived|never received|never came|never got|never showed|didn't arrive|didn't receive|did not arrive|did not receive|haven't received|hasn't arrived|not received|not arrive|not receive|didnt arrive|didnt receive", -3.0},
  {"broken|broke|damaged|dented|crushed|cracked|shattered|smashed|torn|ripped|leaking|leaked|leaky|leaks|melted", -2.2},
  {"missing|lost|misplaced", -1.5},
  {"wrong item|wrong order|wrong product|wrong size|wrong flavor", -3.0},
  {"defective|faulty|malfunctioning|malfunction|malfunctioned|unusable|inoperable", -3.0},
  {"cheaply made|poorly made|poor quality|low quality|bad quality|poorly packaged|badly packaged", -3.0},
  {"high quality|top quality|great quality|excellent quality|quality product|well made|well-made", 2.5},
  {"quality", 0.5},
  {"flimsy|fragile|wobbly", -1.8},
  {"sturdy|durable|robust|reliable|dependable|consistent|consistently", 1.5},
  {"convenient|convenience|handy|easy|effortless|simple|practical|versatile", 1.5},
  {"inconvenient|difficult|complicated|cumbersome|awkward|tedious|clunky", -1.5},
  {"changed the formula|changed the recipe|new formula|new recipe|changed their formula|changed their recipe", -2.0},
  {"discontinued|out of stock|unavailable", -1.0},
  {"hard to find", 0.5},

  // ---- service and support
  {"customer service|customer support|customer care|support team|service team|help desk|helpdesk", 0.0},
  {"helpful|supportive|knowledgeable|attentive|accommodating|courteous|polite|respectful|caring", 2.2},
  {"friendly|kind|patient|professional|responsive|generous|honest|trustworthy", 1.8},
  {"above and beyond|went out of their way|bent over backwards|exceeded my expectations|exceeded expectations|exceeds expectations", 3.5},
  {"resolved|solved|fixed|sorted out|taken care of|took care of", 1.2},
  {"unhelpful|useless support|incompetent|clueless|careless|negligent|unprofessional|unresponsive", -2.8},
  {"rude|disrespectful|condescending|arrogant|dismissive|hostile|nasty attitude", -3.0},
  {"ignored|ignoring|ignores|hung up|brushed off|runaround|run around|the run around", -2.5},
  {"on hold|waited|waiting|wait", -0.8},
  {"no response|no reply|never responded|never replied|never heard back|never called back|nobody responded|no one responded|nobody called", -2.8},
  {"apologize|apologized|apology|sorry", -0.5},

  // ---- apps and software
  {"intuitive|user friendly|user-friendly|seamless|seamlessly|streamlined|snappy|responsive", 2.2},
  {"works great|works perfectly|works well|worked great|worked perfectly|worked well", 2.8},
  {"works|worked|working", 0.5},
  {"crash|crashes|crashed|crashing|freezes|froze|frozen|freezing|hangs", -2.5},
  {"laggy|lag|lags|lagging|sluggish|buggy|glitchy|glitch|glitches|bugged", -2.3},
  {"doesn't work|does not work|didn't work|did not work|not working|stopped working|won't work|wont work|doesnt work|didnt work|won't load|won't open|won't start|can't log in|cannot log in|can't login|not work", -3.0},
  {"spam|spammy|ads|pop-ups|popups|bloated", -1.2},
  {"login|update|app|website|account|password", 0.0},

  // ---- neutralizers: idioms that would otherwise trigger a rule
  {"not only|not just|nothing but|no doubt|without a doubt|no wonder|not to mention|no matter|no matter what", 0.0},

  // ---- emoticons (folded: ":D" is ":d") and emoji
  {":)|:-)|=)|:]|(:|^_^|^^|:-]", 2.0},
  {":d|:-d|xd|=d|8)|8-)", 2.5},
  {";)|;-)|:p|:-p", 1.2},
  {"<3|<33|<333", 3.0},
  {":(|:-(|=(|:[|):|:-[", -2.0},
  {":'(|:,(|d:|>:(|>:-(", -2.8},
  {":/|:-/|:\\|:-\\|:s|:-s|-_-", -1.0},
  {"\xF0\x9F\x98\x80|\xF0\x9F\x98\x83|\xF0\x9F\x98\x84|\xF0\x9F\x98\x81|\xF0\x9F\x98\x86|\xF0\x9F\x98\x8A|\xF0\x9F\x98\x8B|\xF0\x9F\x98\x8E", 2.5},  // grinning, smiley, smile, beaming, laughing, blush, yum, sunglasses
  {"\xF0\x9F\x99\x82|\xE2\x98\xBA|\xF0\x9F\x98\x89|\xF0\x9F\x98\x82|\xF0\x9F\xA4\xA3", 1.5},  // slight smile, relaxed, wink, joy tears, rofl
  {"\xF0\x9F\x98\x8D|\xF0\x9F\xA5\xB0|\xF0\x9F\xA4\xA9|\xF0\x9F\x98\x98|\xE2\x9D\xA4|\xF0\x9F\x92\x95|\xF0\x9F\x92\x96|\xF0\x9F\x92\x97|\xF0\x9F\x92\x9C|\xF0\x9F\x92\x99|\xF0\x9F\x92\x9A|\xF0\x9F\x92\x9B", 3.2},  // heart eyes, hearts, star struck, kiss, hearts
  {"\xF0\x9F\x91\x8D|\xF0\x9F\x91\x8F|\xF0\x9F\x99\x8C|\xF0\x9F\x8E\x89|\xF0\x9F\x8C\x9F|\xE2\xAD\x90|\xF0\x9F\x92\xAF|\xF0\x9F\x94\xA5|\xE2\x9C\x85|\xF0\x9F\x91\x8C|\xF0\x9F\x99\x8F", 2.0},  // thumbs up, clap, raised hands, tada, glowing star, star, 100, fire, check, ok hand, folded hands
  {"\xF0\x9F\x91\x8E|\xE2\x9D\x8C|\xF0\x9F\x98\x92|\xF0\x9F\x99\x84|\xF0\x9F\x98\x95|\xF0\x9F\x98\x9F|\xF0\x9F\x99\x81|\xF0\x9F\x98\xAC", -1.8},  // thumbs down, cross, unamused, eye roll, confused, worried, frown, grimace
  {"\xF0\x9F\x98\x9E|\xF0\x9F\x98\x94|\xE2\x98\xB9|\xF0\x9F\x98\xA2|\xF0\x9F\x98\xAD|\xF0\x9F\x98\xA9|\xF0\x9F\x98\xAB|\xF0\x9F\x98\xA4|\xF0\x9F\x92\x94", -2.6},  // disappointed, pensive, frowning, cry, sob, weary, tired, steam, broken heart
  {"\xF0\x9F\x98\xA0|\xF0\x9F\x98\xA1|\xF0\x9F\xA4\xAC|\xF0\x9F\xA4\xA2|\xF0\x9F\xA4\xAE|\xF0\x9F\x92\xA9", -3.3},  // angry, pouting, cursing, nauseated, vomiting, poo
};
// clang-format on

Lexicon Build() {
  Lexicon lexicon;
  for (const Entry& e : kEntries) {
    for (const std::string& term : internal::ExpandPattern(e.pattern)) {
      // Every built-in term is well-formed; a failure here is a typo caught
      // by the tests (the term count is checked).
      (void)lexicon.Add(term, e.valence);
    }
  }
  return lexicon;
}

}  // namespace

Lexicon Lexicon::BuiltIn() {
  static const Lexicon* built = new Lexicon(Build());
  return *built;
}

}  // namespace candor::text
