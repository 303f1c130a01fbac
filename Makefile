# The two commands of the README: `make run` and `make test`. The other targets are
# their parts.
.PHONY: run test setup ui app check-rust test-rust check-ui e2e audit bindings demo bench-map bench-timeline

run: setup ui app
	./target/debug/rapport-desktop

test: setup ui check-rust test-rust check-ui app e2e audit

setup:
	bash scripts/setup.sh --test

ui:
	npm --prefix ui run build

app: ui
	cargo build -p rapport-desktop --features custom-protocol

check-rust: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust: ui
	cargo test --workspace

check-ui:
	npm --prefix ui run check
	npm --prefix ui run lint
	npm --prefix ui test

e2e: app
	bash scripts/e2e.sh

audit:
	bash scripts/audit.sh

bindings:
	RAPPORT_UPDATE_BINDINGS=1 cargo test -p rapport-desktop --test bindings

demo:
	cargo run -p rapport-cli -- --workspace demo.rapport demo

# The map benchmark (not part of `make test`): 2,000 people and 10,000 ties in headless
# Chromium; see docs/performance.md. `make bench-map ARGS='--runs 1 --json'`.
bench-map:
	npm --prefix ui run bench:map -- $(ARGS)

# The portfolio timeline benchmark (not part of `make test`): 100, 500 and 1,000 accounts in
# headless Chromium; see docs/performance.md. `make bench-timeline ARGS='--runs 3 --json'`.
bench-timeline:
	npm --prefix ui run bench:timeline -- $(ARGS)
