// Doctored input of layers_public_headers_catches_a_relative_include: a
// file checked as if it were in lib/trend_buckets/, reaching around the
// include path into score's folder.
#include "../score/int8_kernel.hpp"
