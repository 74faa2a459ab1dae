//! Write the playground page: `playground-page MODULE.wasm OUT.html [EXAMPLE.py]`. The page embeds the
//! WebAssembly module, so it opens from a file with no server.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: playground-page MODULE.wasm OUT.html [EXAMPLE.py]");
        std::process::exit(2);
    }
    let wasm = std::fs::read(&args[1]).unwrap_or_else(|e| {
        eprintln!("playground-page: can't read {}: {e}", args[1]);
        std::process::exit(1)
    });
    let example = match args.get(3) {
        Some(p) => std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("playground-page: can't read {p}: {e}");
            std::process::exit(1)
        }),
        None => include_str!("../../../explore/tests/programs/cycle.py").to_string(),
    };
    if let Err(e) = std::fs::write(&args[2], refpy_explore::page::playground(&wasm, &example)) {
        eprintln!("playground-page: can't write {}: {e}", args[2]);
        std::process::exit(1);
    }
}
