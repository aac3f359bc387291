//! # Credit pallet
//!
//! Tamper-proof credit records for the sharing economy, and a score computed from them.
//!
//! ## Overview
//!
//! - **Reporters** (platforms, and the lease/ride contracts) are added and removed by
//!   [`Config::ReporterOrigin`] (governance). Only reporters file records.
//! - A **record** says what happened to a *subject* in one deal: its [`RecordKind`], a weight
//!   `1..=MaxRecordWeight`, the reporter's 32-byte deal reference and the block. There is at most
//!   one record per `(reporter, subject, deal)`. Records are never deleted; their
//!   [`RecordStatus`] is `Active`, `Disputed` or `Overturned`.
//! - The subject may **dispute** a record once, holding [`Config::DisputeDeposit`]. While disputed
//!   the record does not count. [`Config::ArbiterOrigin`] resolves the dispute: *upheld* makes
//!   the record active again, slashes [`Config::UpheldDisputeSlash`] of the deposit (to
//!   [`Config::Slash`]) and releases the rest; *overturned* releases the whole deposit and the
//!   record never counts again. The [`Dispute`] with its resolution stays on the record
//!   ([`StoredRecord::dispute`]).
//! - The **score** of every account is kept up to date on every change, queryable with its
//!   inputs ([`ScoreDetails`]) through [`Pallet::score_details`] and the runtime API in
//!   `pallet-credit-runtime-api`.
//!
//! A removed reporter's records stay. A reporter can be added again later: its
//! [`ReporterInfo::records_filed`] then restarts at 0, while the lifetime count of its records
//! (and their index) lives on in [`ReporterState::lifetime_records`] / [`ReporterRecords`].
//!
//! ## Score
//!
//! Scores range over `0..=1000`; an account without active records in the decay window scores
//! the neutral 500. Each **active** record is worth
//! `points = kind.points() * weight`, with per-unit points:
//!
//! | kind | points | kind | points |
//! | --- | --- | --- | --- |
//! | `CompletedDeal` | +10 | `Cancellation` | -5 |
//! | `OnTimePayment` | +5 | `NoShow` | -15 |
//! | `LatePayment` | -10 | `Damage` | -25 |
//! | | | `Default` | -50 |
//!
//! Time is cut into **epochs** of [`Config::DecayPeriod`] blocks: `epoch(b) = b / DecayPeriod`.
//! In the current epoch `E`, a record filed in epoch `e` counts `points / 2^(E - e)` (its
//! impact halves every epoch, step-wise), and not at all once `E - e >= DECAY_EPOCHS` (16).
//! To stay exact and independent of the order of changes, the decayed sum is computed on the
//! common denominator `2^15` and floored once (towards minus infinity):
//!
//! ```text
//! raw   = floor( Σ_j bucket_j * 2^(15 - (E - e_j)) / 2^15 )     over epochs e_j in (E-16, E]
//! score = clamp(500 + raw, 0, 1000)
//! ```
//!
//! where `bucket_j` is the sum of the points of the active records filed in epoch `e_j`. The
//! pallet stores exactly these buckets per subject ([`ScoreState`], at most 16, pruned on every
//! write), so reading a score costs one storage read and at most 16 multiply-adds in `i128`.
//! [`Pallet::recompute_score_from_records`] recomputes it from the records themselves, and
//! `try_state` checks both agree for every subject.
//!
//! ### Worked example
//!
//! With `DecayPeriod = 100`: a `CompletedDeal` of weight 3 (+30) is filed at block 50 (epoch
//! 0) and a `LatePayment` of weight 1 (-10) at block 120 (epoch 1). At block 250 (`E = 2`):
//!
//! ```text
//! numerator = 30 * 2^(15-2) + (-10) * 2^(15-1) = 245_760 - 163_840 = 81_920
//! raw       = floor(81_920 / 32_768) = floor(2.5) = 2        (= 30/4 - 10/2)
//! score     = 500 + 2 = 502
//! ```
//!
//! Flooring goes towards minus infinity: a lone `Cancellation` of weight 1 (-5) filed in
//! epoch 0 gives `floor(-5/4) = floor(-1.25) = -2`, score 498, in epoch 2; in epoch 15 it still
//! gives `floor(-5/32_768) = -1` (499); from epoch 16 on it no longer counts (500).
//!
//! Disputing a record removes its points from its epoch's bucket (if that epoch is still in
//! the window); upholding adds them back (same rule); overturning leaves them out. Every change
//! that alters the score (at the current block) emits [`Event::ScoreChanged`]. Pure decay over
//! time changes scores without events.
//!
//! ## Calls
//!
//! | index | call | origin |
//! | --- | --- | --- |
//! | 0 | [`add_reporter`](Call::add_reporter) | [`Config::ReporterOrigin`] |
//! | 1 | [`remove_reporter`](Call::remove_reporter) | [`Config::ReporterOrigin`] |
//! | 2 | [`file_record`](Call::file_record) | signed, a reporter |
//! | 3 | [`dispute`](Call::dispute) | signed, the record's subject |
//! | 4 | [`resolve_dispute`](Call::resolve_dispute) | [`Config::ArbiterOrigin`] |
//!
//! Every call validates all its inputs before it writes anything: a failing call changes no
//! state.
//!
//! ## Storage
//!
//! | item | key | value |
//! | --- | --- | --- |
//! | [`Reporters`] | account | [`ReporterState`]: lifetime record count, [`ReporterInfo`] |
//! | [`NextRecordId`] | | the id of the next record |
//! | [`Records`] | record id | [`StoredRecord`], with its [`Dispute`] if it was disputed |
//! | [`DealRecords`] | reporter, subject, deal | the id of the deal's record |
//! | [`SubjectRecords`] | subject, n | the id of its `n`-th record |
//! | [`ReporterRecords`] | reporter, n | the id of its `n`-th record |
//! | [`ScoreStates`] | subject | [`ScoreState`]: score buckets, counters, number of records |
//!
//! Each call reads and writes as few items as it can; the `Weight` section of each call lists
//! them, with the reason for each access. Filing a record reads 4 items and writes 7; a dispute
//! and its resolution each read and write the record, the subject's score state and the
//! deposit hold (`Balances::Holds`, `System::Account`).
//!
//! The layout changed without a migration (the chain runs from genesis): the per-subject
//! record count (formerly `SubjectRecordCount`) now lives in [`ScoreState::records`], the
//! per-reporter lifetime count (formerly `ReporterRecordCount`) in
//! [`ReporterState::lifetime_records`], and the disputes (formerly `Disputes`) in
//! [`StoredRecord::dispute`]. The storage version is not bumped.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResult,
	ensure,
	traits::{
		fungible::{self, MutateHold as _},
		tokens::Precision,
		Get, OnUnbalanced,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedDiv, Saturating, UniqueSaturatedInto, Zero},
	DispatchError,
};

/// Balance of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A slashed amount of [`Config::Currency`], handed to [`Config::Slash`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

/// A stored record, with its dispute.
pub type RecordOf<T> =
	StoredRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A stored reporter registration.
pub type ReporterInfoOf<T> =
	ReporterInfo<BlockNumberFor<T>, BoundedVec<u8, <T as Config>::MaxNameLength>>;

/// What is stored about an account that is or was a reporter.
pub type ReporterStateOf<T> =
	ReporterState<BlockNumberFor<T>, BoundedVec<u8, <T as Config>::MaxNameLength>>;

/// A dispute, as stored on its record.
pub type DisputeOf<T> = Dispute<BalanceOf<T>, BlockNumberFor<T>>;

/// A page of records, as returned by the runtime API.
pub type RecordPageOf<T> = RecordPage<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the credit pallet.
	///
	/// The event type needs no declaration: the pallet macro bounds
	/// `frame_system::Config::RuntimeEvent` by `From<Event<Self>>`.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency dispute deposits are held in (and slashed from).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Receives the slashed part of the deposits of upheld disputes. `()` burns it.
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Origin that adds and removes reporters (governance).
		type ReporterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that resolves disputes.
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit held from a subject for each dispute it opens.
		#[pallet::constant]
		type DisputeDeposit: Get<BalanceOf<Self>>;

		/// Share of the deposit slashed when the arbiter upholds the disputed record; the rest
		/// is released.
		#[pallet::constant]
		type UpheldDisputeSlash: Get<Perbill>;

		/// Maximum length of a reporter's name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Maximum weight of a record; records carry a weight in `1..=MaxRecordWeight`.
		#[pallet::constant]
		type MaxRecordWeight: Get<u32>;

		/// Length of a decay epoch in blocks: a record's impact on the score halves every
		/// `DecayPeriod` blocks (step-wise by epochs). Must not be zero.
		#[pallet::constant]
		type DecayPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Reasons for which this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open dispute.
		#[codec(index = 0)]
		DisputeDeposit,
	}

	/// Reporters, registered or removed: the accounts allowed to file records (those with an
	/// [`ReporterState::info`]), and the lifetime record count of every account that ever
	/// filed one (the length of its [`ReporterRecords`] index), which survives removal. An
	/// account removed without having filed a record has no entry.
	#[pallet::storage]
	pub type Reporters<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ReporterStateOf<T>, OptionQuery>;

	/// The id the next filed record gets. Greater than every existing record id.
	///
	/// Record ids are a global counter (starting at 0) that callers see in events and pass to
	/// [`Call::dispute`]; no per-account counter can stand in for it.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// All records ever filed, by id, each with its dispute (open or resolved) if it was
	/// disputed. Never deleted.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Blake2_128Concat, RecordId, RecordOf<T>, OptionQuery>;

	/// Index of the records about each subject: `(subject, n)` is the id of its `n`-th record
	/// (`0 <= n <` [`ScoreState::records`]), oldest first.
	#[pallet::storage]
	pub type SubjectRecords<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		u32,
		RecordId,
		OptionQuery,
	>;

	/// Index of the records filed by each reporter: `(reporter, n)` is the id of its `n`-th
	/// record (`0 <= n <` [`ReporterState::lifetime_records`]), oldest first.
	#[pallet::storage]
	pub type ReporterRecords<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		u32,
		RecordId,
		OptionQuery,
	>;

	/// The record of each `(reporter, subject, deal)`: at most one record per deal and pair.
	#[pallet::storage]
	pub type DealRecords<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, [u8; 32]>,
		),
		RecordId,
		OptionQuery,
	>;

	/// The stored score inputs of each subject (decay buckets and counters by status) and
	/// the number of records about it (the length of its [`SubjectRecords`] index). Exists
	/// exactly for the accounts with at least one record.
	#[pallet::storage]
	pub type ScoreStates<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ScoreState, ValueQuery>;

	/// Events of the credit pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account became a reporter.
		ReporterAdded {
			/// The new reporter.
			reporter: T::AccountId,
			/// Its name.
			name: BoundedVec<u8, T::MaxNameLength>,
		},
		/// An account is no longer a reporter; its records stay.
		ReporterRemoved {
			/// The removed reporter.
			reporter: T::AccountId,
		},
		/// A record was filed.
		RecordFiled {
			/// The new record's id.
			record_id: RecordId,
			/// The account the record is about.
			subject: T::AccountId,
			/// The reporter that filed it.
			reporter: T::AccountId,
			/// What happened.
			kind: RecordKind,
			/// How much it counts.
			weight: u32,
			/// The reporter's deal reference.
			deal: [u8; 32],
		},
		/// The subject of a record disputed it.
		RecordDisputed {
			/// The disputed record.
			record_id: RecordId,
			/// Its subject, who opened the dispute.
			subject: T::AccountId,
			/// The deposit held from the subject.
			deposit: BalanceOf<T>,
		},
		/// The arbiter upheld a disputed record: it is active again.
		DisputeUpheld {
			/// The record.
			record_id: RecordId,
			/// The part of the deposit that was slashed (the rest was released).
			slashed: BalanceOf<T>,
		},
		/// The arbiter overturned a disputed record: it no longer counts and the deposit was
		/// released.
		DisputeOverturned {
			/// The record.
			record_id: RecordId,
		},
		/// An account's score changed because of a record, dispute or resolution.
		ScoreChanged {
			/// The account.
			who: T::AccountId,
			/// Its new score, `0..=1000`.
			score: u16,
		},
	}

	/// Errors of the credit pallet. Never reorder or remove variants: their index is part of
	/// the metadata.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a reporter.
		AlreadyReporter,
		/// The reporter name is longer than `MaxNameLength`.
		NameTooLong,
		/// The account is not a reporter.
		NotReporter,
		/// A reporter cannot file a record about itself.
		SelfReport,
		/// The record weight is zero or greater than `MaxRecordWeight`.
		InvalidWeight,
		/// The reporter already filed a record about this subject for this deal.
		DuplicateRecord,
		/// A counter, id or points sum would overflow.
		Overflow,
		/// No record has this id.
		UnknownRecord,
		/// Only the subject of a record can dispute it.
		NotSubject,
		/// The record has already been disputed (a record can be disputed only once).
		AlreadyDisputed,
		/// The subject cannot place the dispute deposit on hold.
		InsufficientBalance,
		/// The record has no open dispute.
		NotDisputed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxRecordWeight::get() > 0, "`MaxRecordWeight` must be at least 1");
			assert!(!T::DecayPeriod::get().is_zero(), "`DecayPeriod` must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Make `who` a reporter named `name`.
		///
		/// - Origin: [`Config::ReporterOrigin`].
		/// - `who`: the account to register.
		/// - `name`: its name, at most `MaxNameLength` bytes.
		///
		/// Emits [`Event::ReporterAdded`].
		///
		/// Errors: [`Error::AlreadyReporter`], [`Error::NameTooLong`].
		///
		/// ## Weight
		///
		/// [`WeightInfo::add_reporter`]: `Reporters` r1 w1 (the account must not be a reporter
		/// already; a removed reporter's lifetime record count is kept; the registration is
		/// written).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_reporter())]
		pub fn add_reporter(
			origin: OriginFor<T>,
			who: T::AccountId,
			name: Vec<u8>,
		) -> DispatchResult {
			T::ReporterOrigin::ensure_origin(origin)?;
			Self::do_add_reporter(who, name)
		}

		/// Remove reporter `who`. Its records stay; it can be added again later.
		///
		/// - Origin: [`Config::ReporterOrigin`].
		/// - `who`: the reporter to remove.
		///
		/// Emits [`Event::ReporterRemoved`].
		///
		/// Errors: [`Error::NotReporter`].
		///
		/// ## Weight
		///
		/// [`WeightInfo::remove_reporter`]: `Reporters` r1 w1 (the account must be a reporter;
		/// its registration is dropped, its lifetime record count kept if it filed any).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_reporter())]
		pub fn remove_reporter(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ReporterOrigin::ensure_origin(origin)?;
			Self::do_remove_reporter(who)
		}

		/// File a record about `subject` for the deal `deal`.
		///
		/// - Origin: signed by a reporter.
		/// - `subject`: the account the record is about (not the reporter itself).
		/// - `kind`: what happened.
		/// - `weight`: how much it counts, `1..=MaxRecordWeight`.
		/// - `deal`: the reporter's reference of the deal; one record per reporter, subject and
		///   deal.
		///
		/// Emits [`Event::RecordFiled`], and [`Event::ScoreChanged`] if the subject's score
		/// changes.
		///
		/// Errors: [`Error::NotReporter`], [`Error::SelfReport`], [`Error::InvalidWeight`],
		/// [`Error::DuplicateRecord`], [`Error::Overflow`].
		///
		/// ## Weight
		///
		/// [`WeightInfo::file_record`], benchmarked with a subject whose score state holds all
		/// 16 buckets (one of them pruned) and a score that changes (both events). Storage,
		/// 4 reads and 7 writes:
		///
		/// - `Reporters` r1 w1: the caller must be a registered reporter; its `records_filed`
		///   and its lifetime count (the index of the record in `ReporterRecords`) go up.
		/// - `DealRecords` r1 w1: at most one record per reporter, subject and deal; the new
		///   record's id is inserted.
		/// - `NextRecordId` r1 w1: the new record's id, and the next one.
		/// - `ScoreStates` r1 w1: the subject's score buckets and counters, and its record
		///   count (the index of the record in `SubjectRecords`).
		/// - `Records` w1, `SubjectRecords` w1, `ReporterRecords` w1: the record and its
		///   entries in the two paged indexes, written without reading.
		///
		/// Each item that is both read and written is accessed through one `try_mutate`, so
		/// its key is hashed once.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::file_record())]
		pub fn file_record(
			origin: OriginFor<T>,
			subject: T::AccountId,
			kind: RecordKind,
			weight: u32,
			deal: [u8; 32],
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			Self::do_file_record(reporter, subject, kind, weight, deal).map(|_| ())
		}

		/// Dispute record `record_id`, holding `DisputeDeposit` from the caller until the
		/// arbiter decides. The record stops counting meanwhile.
		///
		/// - Origin: signed by the record's subject.
		/// - `record_id`: the record to dispute; each record can be disputed once.
		///
		/// Emits [`Event::RecordDisputed`], and [`Event::ScoreChanged`] if the score changes.
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NotSubject`], [`Error::AlreadyDisputed`],
		/// [`Error::InsufficientBalance`], [`Error::Overflow`].
		///
		/// ## Weight
		///
		/// [`WeightInfo::dispute`], benchmarked with a subject whose score state holds all 16
		/// buckets and a score that changes. Storage, 4 reads and 4 writes:
		///
		/// - `Records` r1 w1: the record (its subject, kind, weight, epoch and whether it was
		///   ever disputed); the open dispute is stored on it.
		/// - `ScoreStates` r1 w1: the record's points leave the subject's buckets, the
		///   counters move it from active to disputed.
		/// - `System::Account` r1 w1 and `Balances::Holds` r1 w1: `fungible::MutateHold::hold`
		///   of the deposit.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, record_id: RecordId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, record_id)
		}

		/// Resolve the open dispute of record `record_id`.
		///
		/// - Origin: [`Config::ArbiterOrigin`].
		/// - `record_id`: the disputed record.
		/// - `overturn`: `true` overturns the record (it never counts again, the deposit is
		///   released in full); `false` upholds it (it counts again, `UpheldDisputeSlash` of the
		///   deposit is slashed and the rest released).
		///
		/// Emits [`Event::DisputeOverturned`] or [`Event::DisputeUpheld`], and
		/// [`Event::ScoreChanged`] if the score changes.
		///
		/// Errors: [`Error::UnknownRecord`], [`Error::NotDisputed`], [`Error::Overflow`].
		///
		/// ## Weight
		///
		/// [`WeightInfo::resolve_dispute`], benchmarked for the heavier outcome (upheld: points
		/// re-added, deposit partly released and partly slashed). Storage, 4 reads and 4
		/// writes:
		///
		/// - `Records` r1 w1: the record and its open dispute; the resolution is stored on it.
		/// - `ScoreStates` r1 w1: the subject's buckets (upheld) and counters.
		/// - `System::Account` r1 w1 and `Balances::Holds` r1 w1: release and slash of the
		///   held deposit.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			record_id: RecordId,
			overturn: bool,
		) -> DispatchResult {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(record_id, overturn)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The decay epoch of block `block`: `block / DecayPeriod` (0 if `DecayPeriod` is zero).
	pub fn epoch_of(block: BlockNumberFor<T>) -> Epoch {
		block.checked_div(&T::DecayPeriod::get()).map_or(0, |epoch| epoch.unique_saturated_into())
	}

	/// Register `who` as reporter `name`. See [`Call::add_reporter`].
	///
	/// A removed reporter that filed records still has an entry (its lifetime record count);
	/// it is registered again on top of it.
	pub fn do_add_reporter(who: T::AccountId, name: Vec<u8>) -> DispatchResult {
		let name = Reporters::<T>::try_mutate(&who, |entry| -> Result<_, DispatchError> {
			let lifetime_records = match entry {
				Some(ReporterState { info: Some(_), .. }) => {
					return Err(Error::<T>::AlreadyReporter.into());
				}
				Some(state) => state.lifetime_records,
				None => 0,
			};
			let name: BoundedVec<u8, T::MaxNameLength> =
				name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			let info = ReporterInfo {
				name: name.clone(),
				added_at: frame_system::Pallet::<T>::block_number(),
				records_filed: 0,
			};
			*entry = Some(ReporterState { lifetime_records, info: Some(info) });
			Ok(name)
		})?;
		Self::deposit_event(Event::ReporterAdded { reporter: who, name });
		Ok(())
	}

	/// Remove reporter `who`. See [`Call::remove_reporter`].
	///
	/// Keeps the entry, without its registration, if the reporter filed any record: its
	/// lifetime record count must survive for its index. Removes it otherwise.
	pub fn do_remove_reporter(who: T::AccountId) -> DispatchResult {
		Reporters::<T>::try_mutate(&who, |entry| -> DispatchResult {
			let Some(state) = entry.as_mut().filter(|state| state.info.is_some()) else {
				return Err(Error::<T>::NotReporter.into());
			};
			state.info = None;
			if state.lifetime_records == 0 {
				*entry = None;
			}
			Ok(())
		})?;
		Self::deposit_event(Event::ReporterRemoved { reporter: who });
		Ok(())
	}

	/// File a record by `reporter` and return its id. See [`Call::file_record`].
	///
	/// Public so that other runtime code (e.g. the contracts chain extension) can file records
	/// on behalf of a reporter account.
	///
	/// `Reporters`, `DealRecords` and `ScoreStates` are each read and written through one
	/// `try_mutate` (one key hash per item). The closures only return `Ok` once every check
	/// has passed, and `try_mutate` writes nothing on `Err`: a failing call changes no state.
	pub fn do_file_record(
		reporter: T::AccountId,
		subject: T::AccountId,
		kind: RecordKind,
		weight: u32,
		deal: [u8; 32],
	) -> Result<RecordId, DispatchError> {
		let (record_id, old_score, new_score) =
			Reporters::<T>::try_mutate(&reporter, |entry| -> Result<_, DispatchError> {
				let Some(ReporterState { lifetime_records, info: Some(info) }) = entry.as_mut()
				else {
					return Err(Error::<T>::NotReporter.into());
				};
				ensure!(subject != reporter, Error::<T>::SelfReport);
				ensure!(
					(1..=T::MaxRecordWeight::get()).contains(&weight),
					Error::<T>::InvalidWeight
				);
				DealRecords::<T>::try_mutate(
					(&reporter, &subject, &deal),
					|deal_record| -> Result<_, DispatchError> {
						ensure!(deal_record.is_none(), Error::<T>::DuplicateRecord);
						ScoreStates::<T>::try_mutate(
							&subject,
							|state| -> Result<_, DispatchError> {
								// Compute every new value before writing anything.
								let points =
									kind.weighted_points(weight).ok_or(Error::<T>::Overflow)?;
								let now = frame_system::Pallet::<T>::block_number();
								let epoch = Self::epoch_of(now);
								let record_id = NextRecordId::<T>::get();
								let next_record_id =
									record_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
								let subject_index = state.records;
								state.records =
									subject_index.checked_add(1).ok_or(Error::<T>::Overflow)?;
								let reporter_index = *lifetime_records;
								*lifetime_records =
									reporter_index.checked_add(1).ok_or(Error::<T>::Overflow)?;
								info.records_filed = info
									.records_filed
									.checked_add(1)
									.ok_or(Error::<T>::Overflow)?;
								let old_score = clamp_score(state.raw_points(epoch));
								state
									.add_points(epoch, points, epoch)
									.map_err(|_| Error::<T>::Overflow)?;
								state.note_filed(kind).map_err(|_| Error::<T>::Overflow)?;
								let new_score = clamp_score(state.raw_points(epoch));

								// Only writes from here on. `Reporters`, `DealRecords` and
								// `ScoreStates` are written by their `try_mutate` on return.
								*deal_record = Some(record_id);
								let record = StoredRecord {
									subject: subject.clone(),
									reporter: reporter.clone(),
									kind,
									weight,
									deal,
									filed_at: now,
									dispute: None,
								};
								Records::<T>::insert(record_id, record);
								NextRecordId::<T>::put(next_record_id);
								SubjectRecords::<T>::insert(&subject, subject_index, record_id);
								ReporterRecords::<T>::insert(&reporter, reporter_index, record_id);
								Ok((record_id, old_score, new_score))
							},
						)
					},
				)
			})?;

		Self::deposit_event(Event::RecordFiled {
			record_id,
			subject: subject.clone(),
			reporter,
			kind,
			weight,
			deal,
		});
		Self::note_score_change(&subject, old_score, new_score);
		Ok(record_id)
	}

	/// Open a dispute of `record_id` by `who`. See [`Call::dispute`].
	///
	/// `Records` and `ScoreStates` are each read and written through one `try_mutate`; the
	/// deposit is held last, after every check, and nothing is written if holding it fails.
	pub fn do_dispute(who: T::AccountId, record_id: RecordId) -> DispatchResult {
		let deposit = T::DisputeDeposit::get();
		let (old_score, new_score) =
			Records::<T>::try_mutate(record_id, |maybe_record| -> Result<_, DispatchError> {
				let record = maybe_record.as_mut().ok_or(Error::<T>::UnknownRecord)?;
				ensure!(record.subject == who, Error::<T>::NotSubject);
				// A record is disputed at most once: a resolved dispute stays on the record.
				ensure!(record.dispute.is_none(), Error::<T>::AlreadyDisputed);

				let now = frame_system::Pallet::<T>::block_number();
				let epoch = Self::epoch_of(now);
				let kind = record.kind;
				let filed_epoch = Self::epoch_of(record.filed_at);
				let points = kind.weighted_points(record.weight).ok_or(Error::<T>::Overflow)?;
				let removed = points.checked_neg().ok_or(Error::<T>::Overflow)?;
				let scores =
					ScoreStates::<T>::try_mutate(&who, |state| -> Result<_, DispatchError> {
						let old_score = clamp_score(state.raw_points(epoch));
						state
							.add_points(filed_epoch, removed, epoch)
							.map_err(|_| Error::<T>::Overflow)?;
						state.note_disputed(kind).map_err(|_| Error::<T>::Overflow)?;
						let new_score = clamp_score(state.raw_points(epoch));

						let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);
						// `hold` checks that the deposit can be held before it changes
						// anything; checking `can_hold` first would do that work twice.
						T::Currency::hold(&reason, &who, deposit).map_err(|e| match e {
							DispatchError::Token(_) | DispatchError::Arithmetic(_) => {
								Error::<T>::InsufficientBalance.into()
							}
							other => other,
						})?;
						Ok((old_score, new_score))
					})?;
				record.dispute = Some(Dispute { deposit, opened_at: now, resolution: None });
				Ok(scores)
			})?;

		Self::deposit_event(Event::RecordDisputed { record_id, subject: who.clone(), deposit });
		Self::note_score_change(&who, old_score, new_score);
		Ok(())
	}

	/// Resolve the open dispute of `record_id`. See [`Call::resolve_dispute`].
	///
	/// `Records` and `ScoreStates` are each read and written through one `try_mutate`;
	/// nothing is written if releasing the deposit fails.
	pub fn do_resolve_dispute(record_id: RecordId, overturn: bool) -> DispatchResult {
		let (subject, old_score, new_score, slashed) =
			Records::<T>::try_mutate(record_id, |maybe_record| -> Result<_, DispatchError> {
				let record = maybe_record.as_mut().ok_or(Error::<T>::UnknownRecord)?;
				let dispute = match record.dispute.as_mut() {
					Some(dispute) if dispute.is_open() => dispute,
					_ => return Err(Error::<T>::NotDisputed.into()),
				};

				let now = frame_system::Pallet::<T>::block_number();
				let epoch = Self::epoch_of(now);
				let deposit = dispute.deposit;
				let kind = record.kind;
				let weight = record.weight;
				let filed_epoch = Self::epoch_of(record.filed_at);
				let subject = record.subject.clone();
				let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);

				let (old_score, new_score, slashed) =
					ScoreStates::<T>::try_mutate(&subject, |state| -> Result<_, DispatchError> {
						let old_score = clamp_score(state.raw_points(epoch));
						let slashed = if overturn {
							state.note_overturned().map_err(|_| Error::<T>::Overflow)?;
							if !deposit.is_zero() {
								T::Currency::release(
									&reason,
									&subject,
									deposit,
									Precision::BestEffort,
								)?;
							}
							None
						} else {
							let points =
								kind.weighted_points(weight).ok_or(Error::<T>::Overflow)?;
							state
								.add_points(filed_epoch, points, epoch)
								.map_err(|_| Error::<T>::Overflow)?;
							state.note_upheld(kind).map_err(|_| Error::<T>::Overflow)?;

							let to_slash = T::UpheldDisputeSlash::get().mul_floor(deposit);
							let to_release = deposit.saturating_sub(to_slash);
							if !to_release.is_zero() {
								T::Currency::release(
									&reason,
									&subject,
									to_release,
									Precision::BestEffort,
								)?;
							}
							let (credit, not_slashed) =
								<T::Currency as fungible::BalancedHold<T::AccountId>>::slash(
									&reason, &subject, to_slash,
								);
							T::Slash::on_unbalanced(credit);
							Some(to_slash.saturating_sub(not_slashed))
						};
						Ok((old_score, clamp_score(state.raw_points(epoch)), slashed))
					})?;

				let resolution = if overturn { Resolution::Overturned } else { Resolution::Upheld };
				dispute.resolution = Some((resolution, now));
				Ok((subject, old_score, new_score, slashed))
			})?;

		match slashed {
			None => Self::deposit_event(Event::DisputeOverturned { record_id }),
			Some(slashed) => Self::deposit_event(Event::DisputeUpheld { record_id, slashed }),
		}
		Self::note_score_change(&subject, old_score, new_score);
		Ok(())
	}

	/// Emit [`Event::ScoreChanged`] for `who` if its score went from `old_score` to a different
	/// `new_score`.
	fn note_score_change(who: &T::AccountId, old_score: u16, new_score: u16) {
		if old_score != new_score {
			Self::deposit_event(Event::ScoreChanged { who: who.clone(), score: new_score });
		}
	}

	/// The score of `who` now.
	pub fn score_of(who: &T::AccountId) -> u16 {
		Self::score_details(who).score
	}

	/// The score of `who` now, with its inputs. Backs the runtime API's `score`.
	pub fn score_details(who: &T::AccountId) -> ScoreDetails {
		Self::score_details_at(who, frame_system::Pallet::<T>::block_number())
	}

	/// The score of `who` at block `now` (not before its last change), from the stored state.
	pub fn score_details_at(who: &T::AccountId, now: BlockNumberFor<T>) -> ScoreDetails {
		let state = ScoreStates::<T>::get(who);
		let epoch = Self::epoch_of(now);
		let raw_points = state.raw_points(epoch);
		ScoreDetails {
			score: clamp_score(raw_points),
			raw_points,
			active_positive: state.active_positive,
			active_negative: state.active_negative,
			disputed: state.disputed,
			overturned: state.overturned,
			epoch,
		}
	}

	/// The score of `who` at block `now`, recomputed from its records rather than from the
	/// stored [`ScoreState`] (of which only the length of the subject's record index,
	/// [`ScoreState::records`], is used). Linear in the number of the subject's records: meant
	/// for audits and `try_state`, not for calls. Equals [`Self::score_details_at`].
	pub fn recompute_score_from_records(
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> ScoreDetails {
		let epoch = Self::epoch_of(now);
		let mut details = ScoreDetails {
			score: 0,
			raw_points: 0,
			active_positive: 0,
			active_negative: 0,
			disputed: 0,
			overturned: 0,
			epoch,
		};
		let mut items: Vec<(Epoch, i64)> = Vec::new();
		for index in 0..ScoreStates::<T>::get(who).records {
			let Some(record) = SubjectRecords::<T>::get(who, index).and_then(Records::<T>::get)
			else {
				continue;
			};
			match record.status() {
				RecordStatus::Active => {
					if record.kind.is_positive() {
						details.active_positive.saturating_inc();
					} else {
						details.active_negative.saturating_inc();
					}
					let points = record.kind.weighted_points(record.weight).unwrap_or_default();
					items.push((Self::epoch_of(record.filed_at), points));
				}
				RecordStatus::Disputed => details.disputed.saturating_inc(),
				RecordStatus::Overturned => details.overturned.saturating_inc(),
			}
		}
		details.raw_points = decayed_raw_points(items, epoch);
		details.score = clamp_score(details.raw_points);
		details
	}

	/// Page `page` of the records about `who`, oldest first. Backs the runtime API's
	/// `records`.
	pub fn records_page(who: &T::AccountId, page: u32) -> RecordPageOf<T> {
		let total = ScoreStates::<T>::get(who).records;
		Self::page_of(page, total, |index| SubjectRecords::<T>::get(who, index))
	}

	/// Page `page` of the records filed by `reporter`, oldest first. Backs the runtime API's
	/// `reporter_records`. Includes the records of removed reporters.
	pub fn reporter_records_page(reporter: &T::AccountId, page: u32) -> RecordPageOf<T> {
		let total = Reporters::<T>::get(reporter).map_or(0, |state| state.lifetime_records);
		Self::page_of(page, total, |index| ReporterRecords::<T>::get(reporter, index))
	}

	/// The reporter `who`, if it is one (not if it was removed), with its name as a plain byte
	/// vector. Backs the runtime API's `reporter`.
	pub fn reporter_info(who: &T::AccountId) -> Option<ReporterInfo<BlockNumberFor<T>, Vec<u8>>> {
		let info = Reporters::<T>::get(who)?.info?;
		Some(ReporterInfo {
			name: info.name.into_inner(),
			added_at: info.added_at,
			records_filed: info.records_filed,
		})
	}

	fn page_of(page: u32, total: u32, id_at: impl Fn(u32) -> Option<RecordId>) -> RecordPageOf<T> {
		let start = page.saturating_mul(RECORDS_PAGE_SIZE);
		let end = start.saturating_add(RECORDS_PAGE_SIZE).min(total);
		let records = (start..end)
			.filter_map(&id_at)
			.filter_map(|id| Records::<T>::get(id).map(|record| (id, record)))
			.map(|(id, record)| RecordEntry { id, record: record.into_record() })
			.collect();
		RecordPage { page, page_size: RECORDS_PAGE_SIZE, total, records }
	}

	/// Check the pallet's invariants:
	///
	/// - every record id is below [`NextRecordId`], its weight valid, and [`DealRecords`]
	///   points back at it (one entry per record);
	/// - a record's dispute was opened no earlier than the record was filed, and resolved no
	///   earlier than it was opened;
	/// - the subject and reporter indexes are dense (`0..count`, with the counts in
	///   [`ScoreState::records`] and [`ReporterState::lifetime_records`]), point at records of
	///   that subject/reporter, and together cover every record exactly once;
	/// - each subject's held dispute deposit equals the sum of its open disputes' deposits;
	/// - each subject's stored score equals the score recomputed from its records, and its
	///   buckets are sorted and non-zero; score states exist only for subjects;
	/// - reporter names are bounded, `records_filed` never exceeds the lifetime count, and a
	///   removed reporter keeps an entry only if it filed records.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let next_record_id = NextRecordId::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let mut record_count: u64 = 0;
		let mut open_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, record) in Records::<T>::iter() {
			record_count.saturating_inc();
			ensure!(id < next_record_id, "a record id is not below NextRecordId");
			ensure!(
				(1..=T::MaxRecordWeight::get()).contains(&record.weight),
				"a record has an invalid weight"
			);
			ensure!(
				DealRecords::<T>::get((&record.reporter, &record.subject, &record.deal))
					== Some(id),
				"DealRecords does not point at a record"
			);
			if let Some(dispute) = record.dispute {
				ensure!(
					dispute.opened_at >= record.filed_at,
					"a dispute was opened before its record was filed"
				);
				if let Some((_, resolved_at)) = dispute.resolution {
					ensure!(
						resolved_at >= dispute.opened_at,
						"a dispute was resolved before it was opened"
					);
				} else {
					let sum = open_deposits.entry(record.subject).or_insert_with(Zero::zero);
					*sum = sum.saturating_add(dispute.deposit);
				}
			}
		}
		ensure!(
			DealRecords::<T>::iter_keys().count() as u64 == record_count,
			"DealRecords and Records differ in size"
		);

		let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);
		let mut subject_indexed: u64 = 0;
		for (subject, state) in ScoreStates::<T>::iter() {
			let count = state.records;
			ensure!(count > 0, "a score state exists for an account without records");
			for index in 0..count {
				let id =
					SubjectRecords::<T>::get(&subject, index).ok_or("a subject index has a gap")?;
				let record = Records::<T>::get(id).ok_or("a subject index points nowhere")?;
				ensure!(record.subject == subject, "a subject index points at another subject");
			}
			ensure!(
				SubjectRecords::<T>::iter_prefix(&subject).count() == count as usize,
				"a subject index has entries beyond its count"
			);
			subject_indexed = subject_indexed.saturating_add(u64::from(count));

			let held =
				<T::Currency as fungible::InspectHold<_>>::balance_on_hold(&reason, &subject);
			let expected = open_deposits.remove(&subject).unwrap_or_else(Zero::zero);
			ensure!(held == expected, "held deposits differ from open disputes' deposits");

			ensure!(
				state.buckets.iter().zip(state.buckets.iter().skip(1)).all(|(a, b)| a.0 < b.0),
				"score buckets are not sorted"
			);
			ensure!(state.buckets.iter().all(|(_, points)| *points != 0), "a score bucket is zero");
			ensure!(
				Self::recompute_score_from_records(&subject, now)
					== Self::score_details_at(&subject, now),
				"stored score differs from the score recomputed from records"
			);
		}
		ensure!(subject_indexed == record_count, "subject indexes do not cover all records");
		ensure!(
			SubjectRecords::<T>::iter_keys().count() as u64 == record_count,
			"a subject index entry belongs to an account without a score state"
		);
		ensure!(open_deposits.is_empty(), "an open dispute belongs to a subject without records");

		let mut reporter_indexed: u64 = 0;
		for (reporter, state) in Reporters::<T>::iter() {
			let count = state.lifetime_records;
			if let Some(info) = &state.info {
				ensure!(
					info.name.len() <= T::MaxNameLength::get() as usize,
					"a reporter name is too long"
				);
				ensure!(
					info.records_filed <= count,
					"a reporter filed more records than its lifetime count"
				);
			} else {
				ensure!(count > 0, "a removed reporter without records is still stored");
			}
			for index in 0..count {
				let id = ReporterRecords::<T>::get(&reporter, index)
					.ok_or("a reporter index has a gap")?;
				let record = Records::<T>::get(id).ok_or("a reporter index points nowhere")?;
				ensure!(record.reporter == reporter, "a reporter index points at another reporter");
			}
			ensure!(
				ReporterRecords::<T>::iter_prefix(&reporter).count() == count as usize,
				"a reporter index has entries beyond its count"
			);
			reporter_indexed = reporter_indexed.saturating_add(u64::from(count));
		}
		ensure!(reporter_indexed == record_count, "reporter indexes do not cover all records");
		ensure!(
			ReporterRecords::<T>::iter_keys().count() as u64 == record_count,
			"a reporter index entry belongs to an account without a reporter entry"
		);
		Ok(())
	}
}
