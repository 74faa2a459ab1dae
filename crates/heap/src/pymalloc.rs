//! The small-object allocator, after CPython's pymalloc (`Objects/obmalloc.c`).
//!
//! Blocks of up to [`SMALL_LIMIT`] bytes come in 16-byte size classes. A size class is served from *pools*
//! (16 KiB, one size class each) carved out of *arenas* (1 MiB, 16 KiB-aligned, from the system allocator).
//!
//! * Each pool keeps a LIFO free list, and a pool that receives a freed block moves to the front of its
//!   class's pool list, so **the block freed last is the next one handed out for its class** — the reason a
//!   dead object's address soon shows up again with another count.
//! * An object's address is its block's start. Freed blocks have their first word (the reference count
//!   position) zeroed: a freed object reads as count 0 until its block is reused. The free-list link lives in
//!   the word after it.
//! * Blocks of gc-capable objects and of other objects use separate pools. In CPython a gc object's address is
//!   16 bytes into its block (behind its GC head), so it can never take the address a freed non-gc object had;
//!   separate pools keep that true here.
//! * An arena whose pools are all free is returned to the system, except one kept for reuse (CPython ≥ 3.9
//!   does the same to avoid thrashing when a program hovers around an arena boundary).
//!
//! Larger blocks go straight to the system allocator and are registered so `read_word` can recognise them.

use std::alloc::{self, Layout};
use std::collections::HashMap;
use std::ptr::{self, NonNull};

/// Size-class granularity (and block alignment).
pub const ALIGNMENT: usize = 16;
/// Largest block served from pools.
pub const SMALL_LIMIT: usize = 512;
const NUM_SIZE_CLASSES: usize = SMALL_LIMIT / ALIGNMENT;
/// One list of pools per (size class, gc-capable) pair.
const NUM_POOL_CLASSES: usize = NUM_SIZE_CLASSES * 2;

#[cfg(not(miri))]
pub const ARENA_SIZE: usize = 1 << 20;
// NOTE: Miri interprets every byte it zeroes; smaller arenas keep the heap's tests fast there without changing
// any algorithm (an arena still holds many pools).
#[cfg(miri)]
pub const ARENA_SIZE: usize = 1 << 17;
pub const POOL_SIZE: usize = 1 << 14;
const POOLS_PER_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// The pool header occupies the first bytes of the pool; blocks start after it.
const POOL_OVERHEAD: usize = 48;

/// Header at the start of each pool. Pools are linked into their class's list while they are partially used.
#[repr(C)]
struct Pool {
    /// Blocks currently handed out.
    used: u32,
    /// Index into `Allocator::used_pools`: the class the pool serves, or last served while it sits in its
    /// arena's free-pool list (`used == 0` there).
    class: u32,
    /// Head of the LIFO list of freed blocks (link stored at offset 8 in each free block).
    free_block: *mut u8,
    next: *mut Pool,
    prev: *mut Pool,
    /// Offset of the next never-used block; blocks past it are carved lazily.
    next_offset: u32,
    /// Bytes per block.
    block_size: u32,
    /// Arena index (in `Allocator::arenas`).
    arena: u32,
}

const _: () = assert!(std::mem::size_of::<Pool>() <= POOL_OVERHEAD);

struct Arena {
    base: *mut u8,
    /// Pools handed back after use (singly linked through `Pool::next`).
    free_pools: *mut Pool,
    /// Pools not yet carved from the arena (carved in address order).
    untouched_pools: usize,
    free_pool_count: usize,
}

/// Why [`Allocator::read_word`] refused an address.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BadAddress {
    /// The address is not inside memory this heap owns.
    NotOwned,
    /// Inside the heap's memory, but not an object address (or not word-aligned). Words inside a payload are
    /// not readable: payload bytes may include uninitialised padding.
    NotAnObject,
}

impl std::fmt::Display for BadAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadAddress::NotOwned => f.write_str("address is not in memory owned by the heap"),
            BadAddress::NotAnObject => {
                f.write_str("address is not the start of an object in the heap")
            }
        }
    }
}

impl std::error::Error for BadAddress {}

/// Counters for tests, benchmarks and `sys`-style introspection.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct AllocStats {
    pub arenas_allocated: usize,
    pub arenas_freed: usize,
    pub arenas_live: usize,
    pub small_blocks_in_use: usize,
    pub large_blocks_in_use: usize,
}

pub struct Allocator {
    /// Partially used pools per class; the head serves the next allocation.
    used_pools: [*mut Pool; NUM_POOL_CLASSES],
    arenas: Vec<Option<Arena>>,
    /// Base address → index of each live arena (for `read_word`'s ownership check).
    arena_bases: HashMap<usize, usize, AddrBuildHasher>,
    /// Arena that new pools are taken from while it has any.
    current_arena: Option<usize>,
    /// Index of the arena kept although all its pools are free.
    spare_empty_arena: Option<usize>,
    /// Large blocks: address → (block, layout).
    large: HashMap<usize, (*mut u8, Layout), AddrBuildHasher>,
    stats: AllocStats,
}

impl Default for Allocator {
    fn default() -> Self {
        Allocator::new()
    }
}

#[inline]
fn size_class(size: usize) -> usize {
    (size - 1) / ALIGNMENT
}

/// Hashes addresses (already unique, 16-byte aligned) with one multiply; std's SipHash is needlessly slow here.
#[derive(Default, Clone, Copy)]
pub(crate) struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type AddrBuildHasher = std::hash::BuildHasherDefault<AddrHasher>;

impl Allocator {
    pub fn new() -> Allocator {
        Allocator {
            used_pools: [ptr::null_mut(); NUM_POOL_CLASSES],
            arenas: Vec::new(),
            arena_bases: HashMap::default(),
            current_arena: None,
            spare_empty_arena: None,
            large: HashMap::default(),
            stats: AllocStats::default(),
        }
    }

    pub fn stats(&self) -> AllocStats {
        AllocStats {
            small_blocks_in_use: self.small_blocks_in_use(),
            ..self.stats
        }
    }

    /// Blocks handed out from pools, counted from the pools' own `used` fields (a counter kept up to date on
    /// every allocation and free would cost the fast paths a read-modify-write each, for a number only
    /// tests and introspection read).
    fn small_blocks_in_use(&self) -> usize {
        self.arenas
            .iter()
            .flatten()
            .map(|arena| {
                let carved = POOLS_PER_ARENA - arena.untouched_pools;
                (0..carved)
                    .map(|i| {
                        // SAFETY: carved pools lie inside the live arena and their headers were written by
                        // `new_pool`.
                        unsafe { (*arena.base.add(i * POOL_SIZE).cast::<Pool>()).used as usize }
                    })
                    .sum::<usize>()
            })
            .sum()
    }

    /// Allocate a block of `size` bytes (`size >= 16`: a free block keeps its count word and free-list link
    /// there), from the pools of gc-capable objects or the others. Returns the block start, which is the
    /// object's address. The block is 16-byte aligned; its contents are unspecified.
    #[inline(always)]
    pub fn allocate(&mut self, size: usize, gc_capable: bool) -> NonNull<u8> {
        debug_assert!(size >= 16);
        if size > SMALL_LIMIT {
            return self.allocate_large(size);
        }
        let class = size_class(size) * 2 + gc_capable as usize;
        let pool = self.used_pools[class];
        if !pool.is_null() {
            // SAFETY: pools in `used_pools` are live pool headers inside arenas we own (invariant of the lists);
            // a pool in the list has a free block or room to carve one.
            unsafe {
                let mut block = (*pool).free_block;
                if !block.is_null() {
                    (*pool).free_block = read_link(block);
                } else {
                    block = pool.cast::<u8>().add((*pool).next_offset as usize);
                    (*pool).next_offset += (*pool).block_size;
                }
                (*pool).used += 1;
                if (*pool).free_block.is_null() && !self.pool_can_carve(pool) {
                    self.unlink_full_pool(class, pool);
                }
                return NonNull::new_unchecked(block);
            }
        }
        self.allocate_from_new_pool(class, size, gc_capable)
    }

    #[inline]
    fn pool_can_carve(&self, pool: *mut Pool) -> bool {
        // SAFETY: `pool` is a live pool header (callers pass pools from our lists).
        unsafe { (*pool).next_offset as usize + (*pool).block_size as usize <= POOL_SIZE }
    }

    /// Remove a pool that has no free block left from its class list.
    ///
    /// # Safety
    /// `pool` is a member of `used_pools[class]`.
    #[inline]
    unsafe fn unlink_full_pool(&mut self, class: usize, pool: *mut Pool) {
        // SAFETY: by the caller's contract `pool` is linked in `used_pools[class]`; its neighbours are live.
        unsafe {
            let next = (*pool).next;
            let prev = (*pool).prev;
            if prev.is_null() {
                self.used_pools[class] = next;
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
            (*pool).next = ptr::null_mut();
            (*pool).prev = ptr::null_mut();
        }
    }

    #[cold]
    fn allocate_from_new_pool(
        &mut self,
        class: usize,
        size: usize,
        gc_capable: bool,
    ) -> NonNull<u8> {
        self.new_pool(class, size);
        // The class list's head is now a pool with a free block (reused for its old class) or room to carve.
        self.allocate(size, gc_capable)
    }

    /// Take a pool from an arena, initialise it for `class` and make it the head of the class list.
    fn new_pool(&mut self, class: usize, size: usize) -> *mut Pool {
        let arena_index = self.arena_with_free_pool();
        let arena = self.arenas[arena_index]
            .as_mut()
            .expect("arena chosen above is live");
        let pool: *mut Pool;
        let fresh = arena.free_pools.is_null();
        if !fresh {
            pool = arena.free_pools;
            // SAFETY: free pools are linked through `next` and lie inside this live arena.
            arena.free_pools = unsafe { (*pool).next };
        } else {
            debug_assert!(arena.untouched_pools > 0);
            let carved = POOLS_PER_ARENA - arena.untouched_pools;
            // SAFETY: `carved < POOLS_PER_ARENA`, so the pool lies inside the arena's allocation.
            pool = unsafe { arena.base.add(carved * POOL_SIZE) }.cast::<Pool>();
            arena.untouched_pools -= 1;
        }
        arena.free_pool_count -= 1;
        if self.spare_empty_arena == Some(arena_index) {
            self.spare_empty_arena = None;
        }
        let block_size = (size_class(size) + 1) * ALIGNMENT;
        // SAFETY: the pool's POOL_SIZE bytes are inside the arena and no block of it is in use.
        unsafe {
            if !fresh && (*pool).class == class as u32 {
                // Like pymalloc: the pool last served this very class, so its free list is still valid and the
                // block freed last in it is handed out first.
                (*pool).next = self.used_pools[class];
                (*pool).prev = ptr::null_mut();
            } else {
                // No zeroing: only carved blocks are ever read (`read_word` checks `next_offset`), and a carved
                // block's object word is always written: the header when allocated, 0 when freed.
                ptr::write(
                    pool,
                    Pool {
                        used: 0,
                        class: class as u32,
                        free_block: ptr::null_mut(),
                        next: self.used_pools[class],
                        prev: ptr::null_mut(),
                        next_offset: POOL_OVERHEAD as u32,
                        block_size: block_size as u32,
                        arena: arena_index as u32,
                    },
                );
            }
            if let Some(head) = self.used_pools[class].as_mut() {
                head.prev = pool;
            }
        }
        self.used_pools[class] = pool;
        pool
    }

    /// The arena to take the next pool from.
    ///
    /// NOTE: like pymalloc, prefer the arena that is already the most used (fewest free pools): allocations then
    /// concentrate in few arenas and the sparsely used ones get a chance to empty completely and be returned
    /// to the system. The current arena is kept while it has pools, so the scan happens once per arena fill.
    fn arena_with_free_pool(&mut self) -> usize {
        if let Some(i) = self.current_arena {
            if self.arenas[i]
                .as_ref()
                .is_some_and(|a| a.free_pool_count > 0)
            {
                return i;
            }
        }
        let best = self
            .arenas
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                a.as_ref()
                    .filter(|a| a.free_pool_count > 0)
                    .map(|a| (a.free_pool_count, i))
            })
            .min();
        let index = match best {
            Some((_, i)) => i,
            None => self.new_arena(),
        };
        self.current_arena = Some(index);
        index
    }

    fn new_arena(&mut self) -> usize {
        let layout =
            Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("arena layout is valid");
        // SAFETY: the layout has non-zero size. Not zeroed: see `new_pool`.
        let base = unsafe { alloc::alloc(layout) };
        if base.is_null() {
            alloc::handle_alloc_error(layout);
        }
        let arena = Arena {
            base,
            free_pools: ptr::null_mut(),
            untouched_pools: POOLS_PER_ARENA,
            free_pool_count: POOLS_PER_ARENA,
        };
        self.stats.arenas_allocated += 1;
        self.stats.arenas_live += 1;
        let index = if let Some(slot) = self.arenas.iter().position(Option::is_none) {
            self.arenas[slot] = Some(arena);
            slot
        } else {
            self.arenas.push(Some(arena));
            self.arenas.len() - 1
        };
        self.arena_bases.insert(base as usize, index);
        index
    }

    /// Return a block to its pool.
    ///
    /// # Safety
    /// `block` was returned by `allocate(size, _)` on this allocator with the same `size`, and has not been
    /// freed since. Nothing uses the block afterwards.
    #[inline(always)]
    pub unsafe fn free(&mut self, block: NonNull<u8>, size: usize) {
        if size > SMALL_LIMIT {
            // SAFETY: forwarded contract.
            return unsafe { self.free_large(block, size) };
        }
        let block = block.as_ptr();
        let pool = block.map_addr(|a| a & !(POOL_SIZE - 1)).cast::<Pool>();
        // SAFETY: the block came from a pool of ours (caller's contract); pools are POOL_SIZE-aligned, so the
        // masked address is its pool header, which stays live while any of its blocks is in use; its `class`
        // is an index into `used_pools` (set by `new_pool`).
        unsafe {
            let old_free = (*pool).free_block;
            write_free_block(block, old_free);
            (*pool).free_block = block;
            (*pool).used -= 1;
            let class = (*pool).class as usize;
            // Fast path: the pool already heads its class list (so the block just freed is the next one handed
            // out) and either still has blocks in use or is the class's only pool, which is kept although
            // empty (see `relink_after_free`).
            let class_head = *self.used_pools.get_unchecked(class);
            if class_head == pool && ((*pool).used != 0 || (*pool).next.is_null()) {
                return;
            }
            self.relink_after_free(pool, class, old_free);
        }
    }

    /// The list moves after a free that did not leave its pool heading its class list: a pool that was full
    /// rejoins the list, a partly used one moves to the front (LIFO per class), an empty one goes back to its
    /// arena.
    ///
    /// # Safety
    /// `pool` is a live pool of class `class` whose block was just freed; `old_free` is its free list before.
    #[cold]
    unsafe fn relink_after_free(&mut self, pool: *mut Pool, class: usize, old_free: *mut u8) {
        // SAFETY: caller's contract: `pool` is a live pool header; pools in the class list are live.
        unsafe {
            let was_full = old_free.is_null() && !self.pool_can_carve(pool);
            if (*pool).used == 0 {
                // NOTE: the last pool of a class stays linked although empty: a program that allocates and
                // frees one object in a loop would otherwise take a pool from its arena and give it back on
                // every iteration. At most one pool per class (1 MiB in all) is kept this way.
                if !was_full && self.used_pools[class] == pool && (*pool).next.is_null() {
                    return;
                }
                if !was_full {
                    self.unlink_full_pool(class, pool);
                }
                self.release_pool(pool);
                return;
            }
            if was_full {
                // Back in service: link it at the head of its class list.
                (*pool).prev = ptr::null_mut();
                (*pool).next = self.used_pools[class];
                if let Some(head) = self.used_pools[class].as_mut() {
                    head.prev = pool;
                }
                self.used_pools[class] = pool;
            } else if self.used_pools[class] != pool {
                // Move to the front: the block just freed is the next one handed out (LIFO per class).
                self.unlink_full_pool(class, pool);
                (*pool).next = self.used_pools[class];
                if let Some(head) = self.used_pools[class].as_mut() {
                    head.prev = pool;
                }
                self.used_pools[class] = pool;
            }
        }
    }

    /// A pool with no blocks in use goes back to its arena; an arena with no pools in use goes back to the
    /// system unless it is the one spare kept for reuse.
    ///
    /// # Safety
    /// `pool` is a live pool with `used == 0`, not linked in any class list.
    unsafe fn release_pool(&mut self, pool: *mut Pool) {
        // SAFETY: caller's contract: the pool header is live and unlinked.
        let arena_index = unsafe { (*pool).arena as usize };
        let arena = self.arenas[arena_index]
            .as_mut()
            .expect("a pool's arena is live");
        // SAFETY: as above; the pool joins its arena's free list.
        unsafe { (*pool).next = arena.free_pools };
        arena.free_pools = pool;
        arena.free_pool_count += 1;
        if arena.free_pool_count < POOLS_PER_ARENA {
            return;
        }
        match self.spare_empty_arena {
            None => self.spare_empty_arena = Some(arena_index),
            Some(spare) if spare == arena_index => {}
            Some(_) => self.free_arena(arena_index),
        }
    }

    fn free_arena(&mut self, index: usize) {
        let arena = self.arenas[index].take().expect("arena to free is live");
        self.arena_bases.remove(&(arena.base as usize));
        if self.current_arena == Some(index) {
            self.current_arena = None;
        }
        let layout =
            Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).expect("arena layout is valid");
        // SAFETY: `base` was allocated in `new_arena` with this layout and none of its blocks is in use.
        unsafe { alloc::dealloc(arena.base, layout) };
        self.stats.arenas_freed += 1;
        self.stats.arenas_live -= 1;
    }

    #[cold]
    fn allocate_large(&mut self, size: usize) -> NonNull<u8> {
        let layout =
            Layout::from_size_align(size, ALIGNMENT).expect("object size overflows a Layout");
        // SAFETY: `size > SMALL_LIMIT > 0`.
        let block = unsafe { alloc::alloc_zeroed(layout) };
        let Some(block) = NonNull::new(block) else {
            alloc::handle_alloc_error(layout)
        };
        self.large
            .insert(block.as_ptr() as usize, (block.as_ptr(), layout));
        self.stats.large_blocks_in_use += 1;
        block
    }

    /// # Safety
    /// As for [`Allocator::free`].
    #[cold]
    unsafe fn free_large(&mut self, block: NonNull<u8>, size: usize) {
        let (_, layout) = self
            .large
            .remove(&(block.as_ptr() as usize))
            .expect("large block is registered");
        debug_assert_eq!(layout.size(), size);
        self.stats.large_blocks_in_use -= 1;
        // SAFETY: allocated by `allocate_large` with this layout (caller's contract), not freed before.
        unsafe { alloc::dealloc(block.as_ptr(), layout) };
    }

    /// Read the reference count at `address` — the 32-bit first word of the object there, or 0 for a freed
    /// block that has not been reused — if `address` is an object address in memory this allocator owns.
    /// Never dereferences anything else.
    pub fn read_word(&self, address: usize) -> Result<isize, BadAddress> {
        if address % ALIGNMENT != 0 {
            return Err(if self.owns(address) {
                BadAddress::NotAnObject
            } else {
                BadAddress::NotOwned
            });
        }
        if let Some(&(block, _)) = self.large.get(&address) {
            // SAFETY: a registered large object address is its block's start, where the (initialised) count
            // word is.
            return Ok(unsafe { ptr::read(block.cast::<u32>()) } as isize);
        }
        let arena_base = address & !(ARENA_SIZE - 1);
        let Some(arena) = self
            .arena_bases
            .get(&arena_base)
            .and_then(|&i| self.arenas[i].as_ref())
        else {
            return Err(BadAddress::NotOwned);
        };
        let pool_addr = address & !(POOL_SIZE - 1);
        let pool_index = (pool_addr - arena_base) / POOL_SIZE;
        if pool_index >= POOLS_PER_ARENA - arena.untouched_pools {
            return Err(BadAddress::NotAnObject);
        }
        let pool = arena
            .base
            .wrapping_add(pool_addr - arena_base)
            .cast::<Pool>();
        // SAFETY: the pool lies in a live arena and has been carved at least once, so its header was written
        // (and the whole pool zeroed) in `new_pool`.
        // A pool in its arena's free list keeps its last geometry: its carved blocks are all freed (count 0).
        let (next_offset, block_size) = unsafe { ((*pool).next_offset, (*pool).block_size) };
        let offset = address - pool_addr;
        if offset < POOL_OVERHEAD {
            return Err(BadAddress::NotAnObject);
        }
        let in_block = offset - POOL_OVERHEAD;
        if in_block % block_size as usize != 0 || offset >= next_offset as usize {
            return Err(BadAddress::NotAnObject);
        }
        // SAFETY: `address` is the start of a block carved from this pool of a live arena: either a live
        // object's reference count or a freed block's zeroed word — initialised in both cases.
        Ok(
            unsafe { ptr::read(arena.base.wrapping_add(address - arena_base).cast::<u32>()) }
                as isize,
        )
    }

    fn owns(&self, address: usize) -> bool {
        self.arena_bases
            .contains_key(&(address & !(ARENA_SIZE - 1)))
            || self.large.iter().any(|(_, &(block, l))| {
                address >= block as usize && address < block as usize + l.size()
            })
    }
}

impl Drop for Allocator {
    fn drop(&mut self) {
        // Arenas that still hold live objects are leaked on purpose: handles elsewhere (other thread-locals
        // being destroyed later) may still point into them. Only arenas with no block in use are returned.
        for index in 0..self.arenas.len() {
            if self.arenas[index]
                .as_ref()
                .is_some_and(arena_has_no_block_in_use)
            {
                self.free_arena(index);
            }
        }
    }
}

/// Whether no pool of `arena` has a block in use (free pools, and a class's last pool kept empty).
fn arena_has_no_block_in_use(arena: &Arena) -> bool {
    let carved = POOLS_PER_ARENA - arena.untouched_pools;
    (0..carved).all(|i| {
        // SAFETY: carved pools lie inside the live arena and their headers were written by `new_pool`.
        unsafe { (*arena.base.add(i * POOL_SIZE).cast::<Pool>()).used == 0 }
    })
}

/// # Safety
/// `block` is a free block of a live pool.
#[inline]
unsafe fn read_link(block: *mut u8) -> *mut u8 {
    // SAFETY: free blocks store their link at offset 8, inside the block (blocks are >= 16 bytes), written by
    // `write_free_block`.
    unsafe { ptr::read(block.add(8) as *const *mut u8) }
}

/// # Safety
/// `block` is a block of a live pool that nothing uses any more.
#[inline]
unsafe fn write_free_block(block: *mut u8, next: *mut u8) {
    // SAFETY: the block is at least 16 bytes long and unused (caller's contract).
    unsafe {
        ptr::write(block.cast::<u32>(), 0);
        ptr::write(block.add(8) as *mut *mut u8, next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(alloc: &mut Allocator, n: usize, size: usize, gc_capable: bool) -> Vec<NonNull<u8>> {
        (0..n).map(|_| alloc.allocate(size, gc_capable)).collect()
    }

    #[test]
    fn freed_block_is_the_next_one_handed_out() {
        let mut alloc = Allocator::new();
        let held = blocks(&mut alloc, 10, 32, false);
        let victim = held[4];
        // SAFETY: `victim` came from `allocate(32, false)` and is freed once.
        unsafe { alloc.free(victim, 32) };
        assert_eq!(alloc.allocate(32, false), victim);
        for b in held {
            // SAFETY: each block was allocated with these arguments and is freed once.
            unsafe { alloc.free(b, 32) };
        }
    }

    #[test]
    fn last_freed_block_comes_back_first_whichever_pool_it_is_in() {
        let mut alloc = Allocator::new();
        // Fill more than three pools of 512-byte blocks (31 per pool).
        let held = blocks(&mut alloc, 100, 512, false);
        for victim in [held[0], held[99], held[40], held[1]] {
            // SAFETY: allocated above, freed once (and reallocated right after).
            unsafe { alloc.free(victim, 512) };
            assert_eq!(alloc.allocate(512, false), victim);
        }
        for b in held {
            // SAFETY: allocated above, freed once.
            unsafe { alloc.free(b, 512) };
        }
    }

    #[test]
    fn the_last_pool_of_a_class_stays_when_it_empties() {
        let mut alloc = Allocator::new();
        let only = alloc.allocate(96, true);
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(only, 96) };
        assert_eq!(alloc.allocate(96, true), only);
        // SAFETY: allocated again above, freed once.
        unsafe { alloc.free(only, 96) };
        assert_eq!(
            alloc.read_word(only.as_ptr() as usize),
            Ok(0),
            "still a (freed) block of its class"
        );
    }

    #[test]
    fn a_released_pool_keeps_its_free_list_for_its_old_class() {
        let mut alloc = Allocator::new();
        let per_pool = (POOL_SIZE - POOL_OVERHEAD) / 96;
        let first_pool = blocks(&mut alloc, per_pool, 96, true);
        let keep = alloc.allocate(96, true); // opens a second pool
        for &b in &first_pool {
            // SAFETY: allocated above, freed once; the first pool empties and goes back to its arena.
            unsafe { alloc.free(b, 96) };
        }
        let last_freed = *first_pool.last().unwrap();
        // Fill the second pool; the next block comes from the first pool, taken back as it was left.
        let second_pool = blocks(&mut alloc, per_pool - 1, 96, true);
        let next = alloc.allocate(96, true);
        assert_eq!(next, last_freed);
        for b in second_pool.into_iter().chain([keep, next]) {
            // SAFETY: allocated above, freed once.
            unsafe { alloc.free(b, 96) };
        }
    }

    #[test]
    fn size_classes_do_not_share_blocks() {
        let mut alloc = Allocator::new();
        let keep = alloc.allocate(16, false);
        let a = alloc.allocate(16, false);
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(a, 16) };
        // `a`'s pool is still in use by `keep`, so only its own class may hand `a` out again.
        let b = alloc.allocate(48, false);
        assert_ne!(a, b);
        let c = alloc.allocate(32, true);
        assert_ne!(a, c, "gc-capable blocks live in their own pools");
        assert_eq!(alloc.allocate(16, false), a);
        // SAFETY: allocated above, freed once each.
        unsafe {
            alloc.free(a, 16);
            alloc.free(keep, 16);
            alloc.free(b, 48);
            alloc.free(c, 32);
        }
    }

    #[test]
    fn freed_blocks_read_as_count_zero_until_reused() {
        let mut alloc = Allocator::new();
        let held = blocks(&mut alloc, 3, 64, true);
        let object_ptr = held[1].as_ptr().cast::<u32>();
        let object = object_ptr as usize;
        // SAFETY: the block is ours; the count word is its start.
        unsafe { ptr::write(object_ptr, 7) };
        assert_eq!(alloc.read_word(object), Ok(7));
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(held[1], 64) };
        assert_eq!(alloc.read_word(object), Ok(0));
        let again = alloc.allocate(64, true);
        assert_eq!(again, held[1]);
        // SAFETY: as above.
        unsafe { ptr::write(again.as_ptr().cast::<u32>(), 9) };
        assert_eq!(alloc.read_word(object), Ok(9));
        // SAFETY: freed once each.
        unsafe {
            alloc.free(again, 64);
            alloc.free(held[0], 64);
            alloc.free(held[2], 64);
        }
    }

    #[test]
    fn read_word_refuses_foreign_and_interior_addresses() {
        let mut alloc = Allocator::new();
        let block = alloc.allocate(64, false);
        let local = 5isize;
        assert_eq!(
            alloc.read_word(&local as *const isize as usize),
            Err(BadAddress::NotOwned)
        );
        assert_eq!(alloc.read_word(0), Err(BadAddress::NotOwned));
        assert_eq!(
            alloc.read_word(block.as_ptr() as usize + 16),
            Err(BadAddress::NotAnObject)
        );
        assert_eq!(
            alloc.read_word(block.as_ptr() as usize + 3),
            Err(BadAddress::NotAnObject)
        );
        // An uncarved block of the same pool is not an object either.
        assert_eq!(
            alloc.read_word(block.as_ptr() as usize + 64 * 10),
            Err(BadAddress::NotAnObject)
        );
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(block, 64) };
    }

    #[test]
    fn large_blocks_are_registered_and_released() {
        let mut alloc = Allocator::new();
        let block = alloc.allocate(4096, true);
        let object_ptr = block.as_ptr().cast::<u32>();
        let object = object_ptr as usize;
        // SAFETY: the block is 4096 bytes; the count word is its start.
        unsafe { ptr::write(object_ptr, 3) };
        assert_eq!(alloc.read_word(object), Ok(3));
        assert_eq!(alloc.stats().large_blocks_in_use, 1);
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(block, 4096) };
        assert_eq!(alloc.stats().large_blocks_in_use, 0);
        assert_eq!(alloc.read_word(object), Err(BadAddress::NotOwned));
    }

    #[test]
    fn empty_arenas_go_back_to_the_system_except_one_spare() {
        let mut alloc = Allocator::new();
        let per_arena = (POOL_SIZE - POOL_OVERHEAD) / 512 * POOLS_PER_ARENA;
        let held = blocks(&mut alloc, per_arena * 3, 512, false);
        assert_eq!(alloc.stats().arenas_live, 3);
        for b in held {
            // SAFETY: allocated above, freed once.
            unsafe { alloc.free(b, 512) };
        }
        let stats = alloc.stats();
        // The first arena to empty is kept as the spare; the third keeps the class's last pool.
        assert_eq!(stats.arenas_live, 2, "one empty arena is kept for reuse");
        assert_eq!(stats.arenas_freed, 1);
        assert_eq!(stats.small_blocks_in_use, 0);
        // The spare is reused rather than a new arena allocated.
        let b = alloc.allocate(512, false);
        assert_eq!(alloc.stats().arenas_allocated, 3);
        // SAFETY: allocated above, freed once.
        unsafe { alloc.free(b, 512) };
    }
}
