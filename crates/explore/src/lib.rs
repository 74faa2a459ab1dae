//! refpy-explore: the memory explorer. It runs a program once with the VM's trace hook
//! ([`refpy_vm::linehook`]) and the heap's event sink, records what each line did to the heap as plain data
//! ([`model`]), and presents it: a line-by-line trace ([`trace`]), a graph of the heap at a point
//! ([`ascii`], [`dot`], [`svg`]) and a page that steps through the program in a browser ([`page`]).
//!
//! It observes and never changes: no heap object is allocated, freed or kept alive by the explorer, so
//! the program prints the same counts and ids as without it.

pub mod ascii;
pub mod cli;
pub mod cycles;
pub mod dot;
pub mod heap_events;
pub mod layers;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod page;
pub mod recorder;
pub mod referrers;
pub mod repr;
pub mod svg;
pub mod trace;
pub mod walk;
