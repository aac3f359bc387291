//! Weights for `pallet_voting`.
//!
//! PLACEHOLDER WEIGHTS: this file was NOT produced by the benchmark CLI. The numbers below are
//! rough estimates in the layout of `scripts/benchmark/pallet-weights.hbs` so that the pallet
//! builds and its calls are charged something sensible until they are measured. Regenerate it
//! (never edit by hand) with:
//!
//! ```text
//! scripts/benchmark/pallets pallet_voting
//! ```
//!
//! which also prints `pallet_balances::transfer_keep_alive` measured in the same run: the
//! execution part (ref time without database weights) of `vote`, `commit` and `reveal` must
//! stay at or below it.
//!
//! Storage items counted per call (reads/writes), worst case:
//! - `create_poll`: `NextPollId`, `PollsEndingAt`, `NextRollTicket`, `VoterCount`,
//!   `Balances::Holds`, `System::Account` (r:6); those but the roll items plus `Polls`,
//!   `PollTexts`, `PollCalls`, `Tallies` (w:8)
//! - `vote` / `commit` (token-weighted, with delegated power): `Polls`, `Tallies`, `Ballots`,
//!   `Delegations`, `DelegationCooldowns`, `DelegatedPower`, `VoterLocks`, `Balances::Freezes`,
//!   `Balances::Locks`, `System::Account` (r:10); `Tallies`, `Ballots`, `VoterLocks`,
//!   `Balances::Freezes`, `System::Account` (w:5)
//! - `reveal`: `Polls`, `Ballots`, `Tallies` (r:3 w:2)
//! - `close` (token-weighted, passed, with a call of `MaxCallLength` bytes; the enacted call's
//!   own weight is added at dispatch): `Polls`, `Results`, `Tallies`, `Balances::TotalIssuance`,
//!   `Balances::Holds`, `System::Account`, `PollsEndingAt`, `PollCalls` (r:8); `Results`,
//!   `Balances::Holds`, `System::Account`, `PollsEndingAt` (w:4)
//! - `close_due_polls(n)` (the `on_initialize` hook closing `n` polls, each passed and enacting
//!   a call of `MaxCallLength` bytes): `PollsEndingAt` (r:1 w:1) plus, per poll, `Polls`,
//!   `Results`, `Tallies`, `Balances::TotalIssuance`, `Balances::Holds`, `System::Account`,
//!   `PollCalls` (r:7) and `Results`, `Balances::Holds`, `System::Account` (w:3)
//! - `unlock`: `VoterLocks`, `Delegations`, `DelegationCooldowns`, `Balances::Freezes`,
//!   `Balances::Locks`, `System::Account` (r:6 w:4)
//! - `add_voter`: `VoterRoll`, `NextRollTicket`, `VoterCount` (r:3 w:3)
//! - `remove_voter`: `VoterRoll`, `VoterCount` (r:2 w:2)
//! - `delegate`: `Delegations`, `DelegationCooldowns`, `VoterLocks`, `DelegatedPower`,
//!   `Balances::Freezes`, `Balances::Locks`, `System::Account` (r:7 w:5)
//! - `undelegate`: `Delegations`, `DelegatedPower`, `VoterLocks` (delegate and delegator),
//!   `Balances::Freezes`, `Balances::Locks`, `System::Account` (r:7);
//!   `Delegations`, `DelegatedPower`, `DelegationCooldowns`, `Balances::Freezes`,
//!   `System::Account` (w:5)

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_voting`.
pub trait WeightInfo {
	fn create_poll(o: u32, ) -> Weight;
	fn vote() -> Weight;
	fn commit() -> Weight;
	fn reveal() -> Weight;
	fn close() -> Weight;
	fn close_due_polls(n: u32, ) -> Weight;
	fn unlock() -> Weight;
	fn add_voter() -> Weight;
	fn remove_voter() -> Weight;
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
}

/// Weights of `pallet_voting` with the runtime's database weights.
/// PLACEHOLDER values, see the module docs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// The range of component `o` is `[2, MaxOptions]`.
	fn create_poll(o: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 6000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(o.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn vote() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(35_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn commit() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(35_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reveal() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(25_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn close() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(70_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// The range of component `n` is `[0, MaxPollsEndingPerBlock]`.
	fn close_due_polls(n: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(Weight::from_parts(65_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 8000).saturating_mul(n.into()))
	}
	fn unlock() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn add_voter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn remove_voter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn delegate() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(35_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn undelegate() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(35_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with ParityDB's database weights, for tests and mocks.
/// PLACEHOLDER values, see the module docs.
impl WeightInfo for () {
	fn create_poll(o: u32, ) -> Weight {
		Weight::from_parts(45_000_000, 6000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(o.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn vote() -> Weight {
		Weight::from_parts(35_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit() -> Weight {
		Weight::from_parts(35_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn reveal() -> Weight {
		Weight::from_parts(25_000_000, 4000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn close() -> Weight {
		Weight::from_parts(70_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn close_due_polls(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 1500)
			.saturating_add(Weight::from_parts(65_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 8000).saturating_mul(n.into()))
	}
	fn unlock() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn add_voter() -> Weight {
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn remove_voter() -> Weight {
		Weight::from_parts(15_000_000, 3500)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn delegate() -> Weight {
		Weight::from_parts(35_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(35_000_000, 6000)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
