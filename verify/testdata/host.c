// An ordinary x86-64 object: ELF, but not BPF.
int answer(void)
{
	return 42;
}
