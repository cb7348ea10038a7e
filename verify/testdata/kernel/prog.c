/* A program in section SECTION, which the loaders map to one program
 * type and expected attach type, returning RET. */
#include "control.h"

#ifndef RET
#define RET 0
#endif

SEC(SECTION)
int control(void *ctx)
{
	return RET;
}
