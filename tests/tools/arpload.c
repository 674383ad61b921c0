#include "../../bench/arpload.c"
