//! refpy in the browser. Built for `wasm32-unknown-unknown`, this library exports three functions the
//! playground page calls (no bindings generator: plain numbers and linear memory):
//!
//! * `input_buffer(len) -> ptr`: room for the program's UTF-8 source, which the page writes there;
//! * `explore() -> len`: runs the program under the memory explorer and leaves the page data (JSON, as
//!   `refpy explore` embeds it) in the buffer;
//! * `result_ptr() -> ptr`: where that JSON starts.
//!
//! The page makes a fresh instance for every run, so each run starts from a fresh heap. Built natively,
//! the same functions work too (the tests call them).

use std::cell::RefCell;

use refpy_explore::recorder::{record, Limits};

thread_local! {
    /// The one buffer shared with the page: the source going in, the JSON coming out.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Make room for `len` bytes of source and return where the page should write them.
#[no_mangle]
pub extern "C" fn input_buffer(len: usize) -> *mut u8 {
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.resize(len, 0);
        b.as_mut_ptr()
    })
}

/// Run the source in the buffer as `main.py` and replace it with the page data; returns its length.
#[no_mangle]
pub extern "C" fn explore() -> usize {
    let source = BUFFER.with(|b| String::from_utf8_lossy(&b.borrow()).into_owned());
    let json = explore_source(&source);
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.extend_from_slice(json.as_bytes());
        b.len()
    })
}

/// Where the result of [`explore`] starts.
#[no_mangle]
pub extern "C" fn result_ptr() -> *const u8 {
    BUFFER.with(|b| b.borrow().as_ptr())
}

/// The page data for one run of `source`.
pub fn explore_source(source: &str) -> String {
    let rec = record(source, "main.py", Limits::page());
    refpy_explore::page::data_json(&rec)
}
