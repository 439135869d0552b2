// Doctored input of layers_public_headers_catches_an_undeclared_module: a
// file checked as if it were in lib/trend_series/, which does not link score.
#include <candor/score.hpp>
