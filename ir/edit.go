package ir

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// edit replaces [start, end) of the position space (inserts when start ==
// end) with text, or with a snippet range printed with its own edits.
type edit struct {
	start, end Pos
	text       string
	snippet    Span
}

func (e *edit) isInsert() bool { return e.start == e.end }

// addEdit records an edit; the list is sorted again when next printed.
func (m *Module) addEdit(e edit) {
	m.edits = append(m.edits, e)
}

// The text edits below change only the printed text, never the model:
// they are the building blocks of the exported edits, each of which keeps
// model and text in step.

// replace replaces the text of n with text.
func (m *Module) replace(n Node, text string) {
	s := n.Range()
	m.addEdit(edit{start: s.Start, end: s.End, text: text})
}

// insertAt inserts text at p.
func (m *Module) insertAt(p Pos, text string) {
	m.addEdit(edit{start: p, end: p, text: text})
}

// deleteWord removes the text of n together with the spaces before it, which
// is right for space-separated words: flags and attributes. The tokens on
// either side never run together: where they would, the printer keeps one
// space (see printer.write).
func (m *Module) deleteWord(n Node) {
	s := n.Range()
	start, end := m.spaceBefore(s.Start), s.End
	if start == s.Start && !isNameChar(m.byteAt(start-1)) {
		end = m.spaceAfter(end) // "(noundef i32" loses the space, not "("
	}
	m.addEdit(edit{start: start, end: end})
}

// byteAt returns the source byte at p, or 0 outside the source.
func (m *Module) byteAt(p Pos) byte {
	src := m.sourceOf(p)
	if i := int(p - src.base); i >= 0 && i < len(src.text) {
		return src.text[i]
	}
	return 0
}

// deleteLines removes the lines n occupies: from the start of its first
// line through the newline after it.
func (m *Module) deleteLines(n Node) {
	s := n.Range()
	src := m.sourceOf(s.Start)
	start := s.Start
	for start > src.base && src.text[start-1-src.base] != '\n' {
		start--
	}
	end := s.End
	for int(end-src.base) < len(src.text) && src.text[end-src.base] != '\n' {
		end++
	}
	if int(end-src.base) < len(src.text) {
		end++
	}
	m.addEdit(edit{start: start, end: end})
}

// spaceBefore returns the position of the run of spaces and tabs that ends
// at p.
func (m *Module) spaceBefore(p Pos) Pos {
	src := m.sourceOf(p)
	for p > src.base {
		if c := src.text[p-1-src.base]; c != ' ' && c != '\t' {
			break
		}
		p--
	}
	return p
}

// spaceAfter returns the end of the run of spaces and tabs that starts at p.
func (m *Module) spaceAfter(p Pos) Pos {
	src := m.sourceOf(p)
	for int(p-src.base) < len(src.text) {
		if c := src.text[p-src.base]; c != ' ' && c != '\t' {
			break
		}
		p++
	}
	return p
}

// snippet adds text to the position space and returns a parser positioned
// at its first token. Nodes parsed from it can be edited like any other.
func (m *Module) snippet(text string) (*parser, *source) {
	last := m.srcs[len(m.srcs)-1]
	src := &source{name: "<edit>", base: last.base + Pos(len(last.text)) + 2, text: text}
	m.srcs = append(m.srcs, src)
	p := &parser{}
	p.init(m, src)
	return p, src
}

// parseSnippet parses text with parse and returns the error a malformed
// snippet caused; such errors are bugs in the pass that wrote the text.
func (m *Module) parseSnippet(text string, parse func(p *parser)) (*source, error) {
	p, src := m.snippet(text)
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				switch r.(type) {
				case abort, bailout:
				default:
					panic(r)
				}
			}
		}()
		parse(p)
		if p.tok != tokEOF {
			p.expected("end of snippet")
		}
	}()
	if len(p.errors) > 0 {
		err = fmt.Errorf("edit %q: %w", text, p.errors.Err())
	}
	return src, err
}

func (src *source) span() Span { return Span{src.base, src.base + Pos(len(src.text))} }

// replaceWithSnippet replaces [start, end) by the snippet's text.
func (m *Module) replaceWithSnippet(start, end Pos, src *source) {
	m.addEdit(edit{start: start, end: end, snippet: src.span()})
}

// SetHeader sets the value of a header field: the source_filename, target
// datalayout or target triple. A missing field is added at the top.
func (m *Module) SetHeader(key, value string) {
	field := &m.Triple
	switch key {
	case "datalayout":
		field = &m.DataLayout
	case "source_filename":
		field = &m.SourceFilename
	}
	line := "target " + key + " = " + Quote(value)
	if key == "source_filename" {
		line = key + " = " + Quote(value)
	}
	old := *field // parsing the new line below points the field at it
	if old == nil {
		line += "\n" // a new first line
	}
	src, err := m.parseSnippet(line, func(p *parser) { p.parseEntity() })
	if err != nil {
		panic(err) // the line is built here from a quoted value
	}
	if old != nil {
		m.replaceWithSnippet(old.Start, old.End, src)
	} else {
		m.replaceWithSnippet(1, 1, src)
	}
}

// RemoveAttr removes the i-th attribute of a list.
func (m *Module) RemoveAttr(list *AttrList, i int) {
	m.deleteWord(list.Attrs[i])
	list.Attrs = slices.Delete(list.Attrs, i, i+1)
}

// RemoveAttrKey removes every attribute with the given key and reports how
// many there were.
func (m *Module) RemoveAttrKey(list *AttrList, key string) int {
	n := 0
	for i := list.Index(key); i >= 0; i = list.Index(key) {
		m.RemoveAttr(list, i)
		n++
	}
	return n
}

// AddAttrs appends attributes, written as LLVM writes them (e.g.
// "alwaysinline" or "\"key\"=\"value\""), to the end of a list.
func (m *Module) AddAttrs(list *AttrList, text string) error {
	var parsed AttrList
	src, err := m.parseSnippet(" "+text, func(p *parser) { parsed = p.parseAttrList(groupAttrs) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(list.At, list.At, src)
	list.Attrs = append(list.Attrs, parsed.Attrs...)
	return nil
}

// AddArgAttrs adds parameter attributes, written as LLVM writes them
// ("readonly"), to a call argument: after its type, where it has none.
func (m *Module) AddArgAttrs(arg *Operand, text string) error {
	if arg.Attrs != nil {
		return m.AddAttrs(arg.Attrs, text)
	}
	var parsed AttrList
	src, err := m.parseSnippet(text+" ", func(p *parser) { parsed = p.parseAttrList(paramAttrs) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(arg.Value.Start, arg.Value.Start, src)
	arg.Attrs = &parsed
	return nil
}

// ReplaceAttr replaces the i-th attribute of a list with the attributes in
// text; an empty text removes it.
func (m *Module) ReplaceAttr(list *AttrList, i int, text string) error {
	if text == "" {
		m.RemoveAttr(list, i)
		return nil
	}
	// The snippet takes the spaces before the attribute along, so that
	// removing its attributes later removes those spaces too.
	a := list.Attrs[i]
	start := m.spaceBefore(a.Start)
	var parsed AttrList
	src, err := m.parseSnippet(m.textAt(start, a.Start)+text, func(p *parser) { parsed = p.parseAttrList(groupAttrs) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(start, a.End, src)
	list.Attrs = slices.Replace(list.Attrs, i, i+1, parsed.Attrs...)
	return nil
}

// RemoveFlag removes a flag word (nuw, samesign, ...) from a list of flags
// and reports whether it was there.
func (m *Module) RemoveFlag(flags *[]Word, flag string) bool {
	k := flagIndex(*flags, flag)
	if k < 0 {
		return false
	}
	m.deleteWord((*flags)[k])
	*flags = slices.Delete(*flags, k, k+1)
	return true
}

// Remove removes a top-level entity (function, global, alias, attribute
// group, metadata node, module asm, ...) with its lines.
func (m *Module) Remove(n Node) {
	m.deleteLines(n)
	switch e := n.(type) {
	case *Func:
		m.Funcs = without(m.Funcs, e)
	case *Global:
		m.Globals = without(m.Globals, e)
	case *Alias:
		m.Aliases = without(m.Aliases, e)
	case *AttrGroup:
		m.AttrGroups = without(m.AttrGroups, e)
	case *ModuleAsm:
		m.ModuleAsm = without(m.ModuleAsm, e)
	case *MDNode:
		m.Metadata = without(m.Metadata, e)
		m.mdIndex = nil
	case *NamedMD:
		m.NamedMetadata = without(m.NamedMetadata, e)
	case *TypeDef:
		m.TypeDefs = without(m.TypeDefs, e)
	case *Comdat:
		m.Comdats = without(m.Comdats, e)
	case *Directive:
		m.Directives = without(m.Directives, e)
	}
}

func without[T comparable](list []T, x T) []T {
	return slices.DeleteFunc(list, func(y T) bool { return y == x })
}

// Append parses top-level entities (declarations, attribute groups,
// metadata, ...) from text and adds them at the end of the module.
func (m *Module) Append(text string) error {
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	root := m.srcs[0]
	end := root.base + Pos(len(root.text))
	sep := ""
	if !strings.HasSuffix(root.text, "\n") {
		sep = "\n"
	}
	src, err := m.parseSnippet(sep+text, func(p *parser) {
		for p.tok != tokEOF {
			p.parseEntity()
		}
	})
	if err != nil {
		return err
	}
	m.mdIndex = nil
	m.replaceWithSnippet(end, end, src)
	return nil
}

// NewAttrGroup adds attributes #N = { attrs } with an unused N and returns
// the group.
func (m *Module) NewAttrGroup(attrs string) (*AttrGroup, error) {
	next := 0
	for _, g := range m.AttrGroups {
		var n int
		if _, err := fmt.Sscan(g.ID.Raw[1:], &n); err == nil && n >= next {
			next = n + 1
		}
	}
	if err := m.Append(fmt.Sprintf("attributes #%d = { %s }", next, attrs)); err != nil {
		return nil, err
	}
	return m.AttrGroups[len(m.AttrGroups)-1], nil
}

// SetBody gives f the body in text ("{\n...\n}"). A declaration becomes a
// definition; parameters without names get %0, %1, ... as LLVM numbers them.
func (m *Module) SetBody(f *Func, text string) error {
	var body *Body
	src, err := m.parseSnippet(text, func(p *parser) { body = p.parseBody() })
	if err != nil {
		return err
	}
	if f.Body != nil {
		m.replaceWithSnippet(f.Body.Start, f.Body.End, src)
	} else {
		m.replace(f.Keyword, "define")
		f.Keyword.Text = "define"
		m.insertAt(f.End, " ")
		m.replaceWithSnippet(f.End, f.End, src)
	}
	f.Body = body
	return nil
}

// SetParams replaces the parameter list of f, parentheses included, with
// text, e.g. "(i64 immarg, ptr %p)", and updates f.Params and f.Variadic.
// The caller keeps the body, if any, consistent with the new parameters.
func (m *Module) SetParams(f *Func, text string) error {
	var params Func
	src, err := m.parseSnippet(text, func(p *parser) { p.parseParams(&params) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(f.ParamsSpan.Start, f.ParamsSpan.End, src)
	f.Params, f.Variadic, f.ParamsSpan = params.Params, params.Variadic, params.ParamsSpan
	return nil
}

// ReplaceInstr replaces the i-th instruction of b with the instructions in
// text, one per line, and returns them. An empty text removes it.
func (m *Module) ReplaceInstr(b *Block, i int, text string) ([]*Instr, error) {
	in := b.Instrs[i]
	if text == "" {
		m.deleteLines(in)
		b.Instrs = slices.Delete(b.Instrs, i, i+1)
		return nil, nil
	}
	instrs, src, err := m.parseInstrs(in.Start, text, "")
	if err != nil {
		return nil, err
	}
	m.replaceWithSnippet(in.Start, in.End, src)
	b.Instrs = slices.Replace(b.Instrs, i, i+1, instrs...)
	return instrs, nil
}

// InsertInstrs inserts the instructions in text before the i-th
// instruction of b and returns them.
func (m *Module) InsertInstrs(b *Block, i int, text string) ([]*Instr, error) {
	at := b.Instrs[i].Start
	instrs, src, err := m.parseInstrs(at, text, "\n")
	if err != nil {
		return nil, err
	}
	m.replaceWithSnippet(at, at, src)
	m.insertAt(at, m.indentOf(at))
	b.Instrs = slices.Insert(b.Instrs, i, instrs...)
	return instrs, nil
}

// parseInstrs parses text, one instruction per line, as a snippet indented
// like the line at p and ending in end.
func (m *Module) parseInstrs(p Pos, text, end string) ([]*Instr, *source, error) {
	indent := m.indentOf(p)
	text = strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", "\n"+indent) + end
	var instrs []*Instr
	src, err := m.parseSnippet(text, func(p *parser) {
		for p.tok != tokEOF {
			instrs = append(instrs, p.parseInstr())
		}
	})
	return instrs, src, err
}

// indentOf returns the spaces before p on its line.
func (m *Module) indentOf(p Pos) string { return m.textAt(m.spaceBefore(p), p) }

// textAt returns the source text between two positions of one source.
func (m *Module) textAt(start, end Pos) string {
	src := m.sourceOf(start)
	return src.text[start-src.base : end-src.base]
}

// ReplaceValue replaces the value v, wherever it stands (an operand, a
// call's callee, an element of a constant or of a metadata node), with
// the value in text, written as LLVM writes it, and points v at the new
// one. The value's type, if written before it, stays. Where metadata
// stands (v is metadata, or a typed value used as metadata), text may be
// either.
func (m *Module) ReplaceValue(v *Value, text string) error {
	parse := (*parser).parseValue
	switch v.Kind {
	case MDRef, MDStringValue, MDNodeValue, MDWrapped:
		parse = (*parser).parseMetadataOperand
	}
	var parsed Value
	src, err := m.parseSnippet(text, func(p *parser) { parsed = parse(p) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(v.Start, v.End, src)
	*v = parsed
	return nil
}

// ReplaceOperand replaces a whole operand, its type included, with the
// typed value in text (e.g. "i32 poison"), and points op at the new one.
func (m *Module) ReplaceOperand(op *Operand, text string) error {
	var parsed Operand
	src, err := m.parseSnippet(text, func(p *parser) { parsed = p.parseTypedValue() })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(op.Start, op.End, src)
	*op = parsed
	return nil
}

// SetOpcode gives an instruction another opcode of the same operand
// shape, such as ptrtoint for ptrtoaddr.
func (m *Module) SetOpcode(in *Instr, opcode string) {
	m.replace(Span{Start: in.OpcodePos, End: in.OpcodePos + Pos(len(in.Opcode))}, opcode)
	in.Opcode = opcode
}

// SetExprOpcode gives a constant expression another opcode of the same
// operand shape.
func (m *Module) SetExprOpcode(v *Value, opcode string) {
	m.replace(Span{Start: v.Start, End: v.Start + Pos(len(v.Sub.Opcode))}, opcode)
	v.Sub.Opcode = opcode
}

// RenameFunc gives the function f the name name (without @), quoted as
// LLVM needs it. Uses of the old name are the caller's to change.
func (m *Module) RenameFunc(f *Func, name string) {
	raw := "@" + quoteName(name)
	m.replace(f.Name, raw)
	f.Name.Raw = raw
}

// RenameGlobal gives the global g the name name (without @), quoted as
// LLVM needs it. Uses of the old name are the caller's to change.
func (m *Module) RenameGlobal(g *Global, name string) {
	raw := "@" + quoteName(name)
	m.replace(g.Name, raw)
	g.Name.Raw = raw
}

// RemoveField removes the i-th field or element of a metadata node. Its
// text goes with the comma before it (after it, for the first), so that
// removing neighbours one after the other leaves a clean list.
func (m *Module) RemoveField(n *MDNode, i int) {
	fields := n.Fields()
	f := fields[i]
	switch {
	case i > 0: // from the comma after the field before, which stays
		m.addEdit(edit{start: m.commaBefore(f.Start), end: f.End})
	case i+1 < len(fields):
		m.addEdit(edit{start: f.Start, end: fields[i+1].Start})
	default:
		m.addEdit(edit{start: f.Start, end: f.End})
	}
	n.fields = slices.Delete(fields, i, i+1)
}

// commaBefore returns the position of the comma before p, with the
// blanks after it (line breaks too, which LLVM reads as spaces inside a
// list), or p itself when no comma comes first.
func (m *Module) commaBefore(p Pos) Pos {
	src := m.sourceOf(p)
	q := p
	for q > src.base && strings.IndexByte(" \t\r\n", src.text[q-1-src.base]) >= 0 {
		q--
	}
	if m.byteAt(q-1) == ',' {
		return q - 1
	}
	return p
}

// SetKeyword replaces an operand that is a lone keyword (an ordering such
// as monotonic, a clause word) with another keyword.
func (m *Module) SetKeyword(op *Operand, keyword string) {
	m.replace(op, keyword)
	op.Keyword = keyword
}

// SetNode replaces the contents of a metadata node, after its "!N =" and
// any "distinct", with text: a tuple ("!{!1, !2}") or a specialized node
// ("!DICompositeType(...)"), which may be of another kind. The node keeps
// its ID, so references to it now refer to the new contents.
func (m *Module) SetNode(n *MDNode, text string) error {
	var parsed *MDNode
	src, err := m.parseSnippet(text, func(p *parser) { parsed = p.parseMDNode(p.pos) })
	if err != nil {
		return err
	}
	m.replaceWithSnippet(n.body, n.contentsEnd(), src)
	n.Kind, n.body, n.bodyEnd, n.mod = parsed.Kind, parsed.body, parsed.End, parsed.mod
	n.fields, n.parsed = nil, false
	return nil
}

// contentsEnd is where the node's fields end, after their closing bracket.
func (n *MDNode) contentsEnd() Pos {
	if n.bodyEnd != 0 {
		return n.bodyEnd
	}
	return n.End
}

// NewNode appends a metadata node with the given contents (as SetNode
// takes them) under an unused ID and returns it.
func (m *Module) NewNode(text string) (*MDNode, error) {
	// Only the nodes added since the last call are scanned for IDs, so
	// that many new nodes cost no more than the module's size.
	if m.mdScanned > len(m.Metadata) {
		m.mdScanned = 0 // a node was removed: scan again
	}
	for _, n := range m.Metadata[m.mdScanned:] {
		if id, err := strconv.Atoi(n.ID.Raw[1:]); err == nil && id >= m.mdNext {
			m.mdNext = id + 1
		}
	}
	if err := m.Append(fmt.Sprintf("!%d = %s", m.mdNext, text)); err != nil {
		return nil, err
	}
	m.mdNext++
	m.mdScanned = len(m.Metadata)
	return m.Metadata[len(m.Metadata)-1], nil
}

// AddField appends a field ("name: value") or, for a tuple, an element to
// a metadata node.
func (m *Module) AddField(n *MDNode, text string) error {
	fields := n.Fields()
	sep := ", "
	if len(fields) == 0 {
		sep = ""
	}
	// The fields end before the node's closing bracket.
	var parsed MDField
	src, err := m.parseSnippet(sep+text, func(p *parser) {
		if sep != "" {
			p.expect(tokComma)
		}
		if n.Kind == "" {
			parsed = p.parseMDElement()
		} else {
			parsed = p.parseMDField()
		}
	})
	if err != nil {
		return err
	}
	at := n.contentsEnd() - 1
	m.replaceWithSnippet(at, at, src)
	n.fields = append(fields, parsed)
	return nil
}

// SetField gives the field name of a node the value in text, as LLVM
// writes it ("\"Ports_u16_\"", "DIFlagA | DIFlagB", "!12", "64"), adding
// the field at the end when the node has none.
func (m *Module) SetField(n *MDNode, name, value string) error {
	for i, f := range n.Fields() {
		if f.Name != name {
			continue
		}
		var parsed MDField
		src, err := m.parseSnippet(name+": "+value, func(p *parser) { parsed = p.parseMDField() })
		if err != nil {
			return err
		}
		m.replaceWithSnippet(f.Start, f.End, src)
		n.fields[i] = parsed
		return nil
	}
	return m.AddField(n, name+": "+value)
}
