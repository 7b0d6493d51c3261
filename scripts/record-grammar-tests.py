"""Records grammar-tests/ expectations from CPython 3.12 (the oracle). Tests never need CPython;
only re-recording does:  $PYENV_ROOT/versions/3.12.1/bin/python scripts/record-grammar-tests.py

- grammar-tests/cases/NAME.py  -> NAME.ast: ast.dump(tree, include_attributes=True, indent=1)
- grammar-tests/errors/NAME.py -> NAME.err: the SyntaxError's kind, msg, lineno, offset as JSON
Sources are read as text with newline="" so CRLF and tabs reach ast.parse untouched."""
import ast, json, pathlib, sys

if sys.version_info[:2] != (3, 12):
    sys.exit("record with CPython 3.12 (the semantics target)")

root = pathlib.Path(__file__).resolve().parent.parent / "grammar-tests"

for path in sorted((root / "cases").glob("*.py")):
    src = path.open(encoding="utf-8", newline="").read()
    dumped = ast.dump(ast.parse(src), include_attributes=True, indent=1)
    path.with_suffix(".ast").write_text(dumped + "\n", encoding="utf-8")

for path in sorted((root / "errors").glob("*.py")):
    src = path.open(encoding="utf-8", newline="").read()
    try:
        ast.parse(src)
    except SyntaxError as e:
        err = {"kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}
    else:
        sys.exit(f"{path.name}: CPython accepts it; errors/ is for rejected sources")
    path.with_suffix(".err").write_text(json.dumps(err, ensure_ascii=False) + "\n", encoding="utf-8")

print("recorded", root)
