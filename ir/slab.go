package ir

// A slab hands out slices and elements of T carved from large chunks, so
// that a parse makes a few thousand allocations instead of millions. The
// model lives as long as the module, so nothing is lost by sharing chunks.
type slab[T any] struct {
	chunk []T
	size  int // elements in the next chunk
}

// Chunks start small, so that tiny modules and snippets stay cheap (a pass
// may parse one snippet per edit, tens of thousands), and double up to
// slabChunk elements, big enough to make allocation rare.
const (
	firstChunk = 2
	slabChunk  = 512
)

// take returns a slice of n elements with capacity n, so that appending to
// it reallocates rather than overwriting its neighbour.
func (s *slab[T]) take(n int) []T {
	if n > slabChunk/4 {
		return make([]T, n)
	}
	if len(s.chunk) < n {
		s.size = min(max(2*s.size, firstChunk), slabChunk)
		s.chunk = make([]T, max(s.size, n))
	}
	out := s.chunk[:n:n]
	s.chunk = s.chunk[n:]
	return out
}

// new returns a pointer to a zero T.
func (s *slab[T]) new() *T { return &s.take(1)[0] }

// copyOf returns a slab copy of src, or nil when src is empty.
func (s *slab[T]) copyOf(src []T) []T {
	if len(src) == 0 {
		return nil
	}
	out := s.take(len(src))
	copy(out, src)
	return out
}
