/* A map whose value type has one BTF kind newer kernels brought:
 * FLOAT (a float member), DECL_TAG (a tagged member), TYPE_TAG (a tagged
 * pointer) or ENUM64 (an enum wider than 32 bits). */
#include "control.h"

#if defined(FLOAT)
struct value {
	float f;
};
#elif defined(DECL_TAG)
struct value {
	int x __attribute__((btf_decl_tag("control")));
};
#elif defined(TYPE_TAG)
struct value {
	int __attribute__((btf_type_tag("control"))) *p;
};
#elif defined(ENUM64)
enum wide { WIDE = 0x100000000ULL };
struct value {
	enum wide w;
};
#endif

struct {
	__uint(type, 2);
	__type(key, int);
	__type(value, struct value);
	__uint(max_entries, 1);
} control_map SEC(".maps");

SEC("socket")
int control(void *ctx)
{
	return 0;
}
