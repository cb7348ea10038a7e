/* One map of type TYPE, its sizes, flags and max_entries what the type
 * wants (KEY and VALUE as sizes or, with BTF_KV, as types), beside a
 * program that does nothing. */
#include "control.h"

#ifndef FLAGS
#define FLAGS 0
#endif
#ifndef EXTRA
#define EXTRA 0
#endif

struct {
	__uint(type, TYPE);
#ifdef BTF_KV
	__type(key, KEY);
	__type(value, VALUE);
#else
	__uint(key_size, KEY);
	__uint(value_size, VALUE);
#endif
	__uint(max_entries, MAX);
	__uint(map_flags, FLAGS);
	__uint(map_extra, EXTRA);
} control_map SEC(".maps");

SEC("socket")
int control(void *ctx)
{
	return 0;
}
