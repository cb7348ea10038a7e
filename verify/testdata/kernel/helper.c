/* Calls helper HELPER from a socket filter, the oldest program type. A
 * kernel that knows the helper may still refuse the call (its arguments
 * are not set up, or the type may not use it), but with the helper's
 * name; one that does not know it says unknown#HELPER. */
#include "control.h"

SEC("socket")
int control(void *ctx)
{
	return ((long (*)(void))HELPER)();
}
