/* include/candor.h alone: the header must compile by itself in every
 * language standard it supports (tests/CMakeLists.txt compiles this file). */
#include <candor.h>
