//! `random`: CPython's generator, so a seeded program draws the numbers python3 draws.
//!
//! As in CPython, the core is native — the MT19937 Mersenne Twister with CPython's seeding
//! (`init_by_array` over the 32-bit words of the seed), `random()` from two draws (53 bits) and
//! `getrandbits` from little-endian words — and the distributions (`randrange`, `choice`, `shuffle`,
//! `sample`, `choices`, `gauss`, …) are written in Python on top of it, following the algorithms of
//! CPython 3.11's `random.py` draw for draw. NOTE: refpy's `Random` is a Python class holding its core in
//! `_state` (CPython's subclasses the native `_random.Random`); the numbers are the same, the object graph
//! has one object more per generator, and a float given to `randrange` is taken (or refused) without
//! CPython's DeprecationWarning, as refpy has no `warnings`.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use refpy_heap::ObjRef;
use sha2::{Digest, Sha512};

use super::{module_dict, new_module};
use crate::exc::*;
use crate::object::{alloc, Payload};
use crate::ops::{self, type_name};
use crate::rt;

type Kw<'a> = &'a [(String, ObjRef)];

const N: usize = 624;
const M: usize = 397;

/// The Mersenne Twister's state: 624 words and the position of the next word to temper.
pub struct MersenneTwister {
    state: RefCell<Box<MtState>>,
}

struct MtState {
    words: [u32; N],
    index: usize,
}

impl Payload for MersenneTwister {}
crate::vtable!(pub MT_VT, MersenneTwister, "_random.Random", gc: false, track: false, rule: Never, weak: false, finalize: None);

impl MtState {
    fn init_genrand(&mut self, seed: u32) {
        self.words[0] = seed;
        for i in 1..N {
            let prev = self.words[i - 1];
            self.words[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.words[i - 1];
            self.words[i] = (self.words[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.words[0] = self.words[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.words[i - 1];
            self.words[i] = (self.words[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.words[0] = self.words[N - 1];
                i = 1;
            }
        }
        self.words[0] = 0x8000_0000;
    }

    fn regenerate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        for k in 0..N {
            let y = (self.words[k] & UPPER) | (self.words[(k + 1) % N] & LOWER);
            let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
            self.words[k] = self.words[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.words[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (27 + 26 from two words).
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

fn core(a: &[ObjRef]) -> PyResult<&MersenneTwister> {
    a.first()
        .and_then(|o| o.downcast::<MersenneTwister>())
        .ok_or_else(|| type_error("a random generator core is required"))
}

fn new_core(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut st = Box::new(MtState {
        words: [0; N],
        index: N,
    });
    st.init_by_array(&entropy());
    Ok(alloc(
        &MT_VT,
        MersenneTwister {
            state: RefCell::new(st),
        },
    ))
}

/// 624 words of seed material for an unseeded generator, as CPython takes from `urandom`; where the
/// platform has no `/dev/urandom` (the wasm playground) the words come from std's randomly keyed hasher.
fn entropy() -> Vec<u32> {
    use std::io::Read;
    let mut bytes = vec![0u8; N * 4];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        use std::hash::{BuildHasher, Hasher};
        let keys = std::collections::hash_map::RandomState::new();
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut h = keys.build_hasher();
            h.write_usize(i);
            chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// `seed(core, a)`: CPython's `random_seed` after `Random.seed` turned str/bytes into an int — None draws
/// fresh entropy, an int seeds with the 32-bit words of its absolute value, anything else with `hash(a)` read as an unsigned word.
fn seed(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mt = core(a)?;
    let arg = a.get(1).cloned().unwrap_or_else(rt::none);
    let key = if ops::is_none(&arg) {
        entropy()
    } else {
        let n = match ops::as_bigint(&arg) {
            Some(n) => n.abs(),
            // The hash as an unsigned word: a negative hash seeds with 2**64 + hash.
            None => BigInt::from(ops::hash(&arg)? as u64),
        };
        let (_, mut words) = n.to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        words
    };
    mt.state.borrow_mut().init_by_array(&key);
    Ok(rt::none())
}

/// The int a str/bytes/bytearray seed stands for (version 2): the bytes followed by their SHA-512, read as
/// one big-endian number.
fn seed_from_bytes(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("seed_from_bytes() takes exactly one argument"))?;
    let mut bytes = match ops::str_of(o) {
        Some(s) => s.as_bytes().to_vec(),
        None => ops::bytes_of(o)
            .ok_or_else(|| type_error(format!("expected str or bytes, not {}", type_name(o))))?,
    };
    let digest = Sha512::digest(&bytes);
    bytes.extend_from_slice(&digest);
    Ok(rt::bigint(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

fn random(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mt = core(a)?;
    let x = mt.state.borrow_mut().next_f64();
    Ok(rt::float(x))
}

fn getrandbits(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mt = core(a)?;
    let k = a
        .get(1)
        .ok_or_else(|| type_error("getrandbits() takes exactly one argument (0 given)"))?;
    let k = ops::index_arg(k)?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    let mut st = mt.state.borrow_mut();
    if k <= 32 {
        let word = if k == 0 { 0 } else { st.next_u32() >> (32 - k) };
        return Ok(rt::int(i64::from(word)));
    }
    // Whole words from the least significant up; the last one keeps its top bits.
    let mut left = k;
    let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
    while left > 0 {
        let mut w = st.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        words.push(w);
        left -= 32;
    }
    Ok(rt::bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn getstate(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mt = core(a)?;
    let st = mt.state.borrow();
    let mut items: Vec<ObjRef> = st.words.iter().map(|&w| rt::int(i64::from(w))).collect();
    items.push(rt::int(st.index as i64));
    Ok(rt::tuple(items))
}

fn setstate(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mt = core(a)?;
    let state = a
        .get(1)
        .ok_or_else(|| type_error("setstate() takes exactly one argument"))?;
    let items =
        ops::tuple_items(state).ok_or_else(|| type_error("state vector must be a tuple"))?;
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let word = |o: &ObjRef| -> PyResult<u32> {
        let n = ops::as_bigint(o).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(o)
            ))
        })?;
        n.to_u32().ok_or_else(|| {
            overflow_error(if n < BigInt::zero() {
                "can't convert negative int to unsigned"
            } else {
                "Python int too large to convert to C unsigned long"
            })
        })
    };
    let mut words = [0u32; N];
    for (w, o) in words.iter_mut().zip(&items) {
        *w = word(o)?;
    }
    let index = ops::as_bigint(&items[N])
        .and_then(|n| n.to_i64())
        .ok_or_else(|| type_error("state vector items must be integers"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    let mut st = mt.state.borrow_mut();
    st.words = words;
    st.index = index as usize;
    Ok(rt::none())
}

/// `operator.index` for the distributions' integer arguments.
fn index(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("index() takes exactly one argument"))?;
    match ops::as_index(o)? {
        Some(n) => Ok(rt::bigint(n)),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(o)
        ))),
    }
}

const PRELUDE: &str = include_str!("random.py");

pub fn make() -> PyResult<ObjRef> {
    let m = new_module("random", &[]);
    let d = module_dict(&m);
    let native = new_module(
        "_random",
        &[
            ("new_core", new_core),
            ("seed", seed),
            ("seed_from_bytes", seed_from_bytes),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
            ("index", index),
        ],
    );
    // The distributions reach the core as `_random`, the name CPython's `random` module gives its C half.
    ops::dict_set_str(&d, "_random", native);
    crate::run_prelude(PRELUDE, "<random>", &d)?;
    Ok(m)
}
