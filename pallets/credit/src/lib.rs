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
//!   record never counts again. The [`Dispute`] with its resolution stays in storage.
//! - The **score** of every account is kept up to date on every change, queryable with its
//!   inputs ([`ScoreDetails`]) through [`Pallet::score_details`] and the runtime API in
//!   `pallet-credit-runtime-api`.
//!
//! A removed reporter's records stay. A reporter can be added again later: its
//! [`ReporterInfo::records_filed`] then restarts at 0, while the lifetime count of its records
//! (and their index) lives on in [`ReporterRecordCount`] / [`ReporterRecords`].
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

/// A stored record.
pub type RecordOf<T> = Record<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A stored reporter.
pub type ReporterInfoOf<T> =
	ReporterInfo<BlockNumberFor<T>, BoundedVec<u8, <T as Config>::MaxNameLength>>;

/// A stored dispute.
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

	/// Registered reporters: the accounts allowed to file records.
	#[pallet::storage]
	pub type Reporters<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ReporterInfoOf<T>, OptionQuery>;

	/// The id the next filed record gets. Greater than every existing record id.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// All records ever filed, by id. Never deleted.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Blake2_128Concat, RecordId, RecordOf<T>, OptionQuery>;

	/// Number of records about each subject (the length of its [`SubjectRecords`] index).
	#[pallet::storage]
	pub type SubjectRecordCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Index of the records about each subject: `(subject, n)` is the id of its `n`-th record
	/// (`0 <= n < SubjectRecordCount`), oldest first.
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

	/// Number of records each reporter ever filed (the length of its [`ReporterRecords`]
	/// index). Survives the reporter's removal.
	#[pallet::storage]
	pub type ReporterRecordCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Index of the records filed by each reporter: `(reporter, n)` is the id of its `n`-th
	/// record (`0 <= n < ReporterRecordCount`), oldest first.
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

	/// The stored score inputs of each subject: decay buckets and counters by status.
	#[pallet::storage]
	pub type ScoreStates<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ScoreState, ValueQuery>;

	/// Disputes by record id, open or resolved. Never deleted: a record is disputed at most
	/// once.
	#[pallet::storage]
	pub type Disputes<T: Config> =
		StorageMap<_, Blake2_128Concat, RecordId, DisputeOf<T>, OptionQuery>;

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
	pub fn do_add_reporter(who: T::AccountId, name: Vec<u8>) -> DispatchResult {
		ensure!(!Reporters::<T>::contains_key(&who), Error::<T>::AlreadyReporter);
		let name: BoundedVec<u8, T::MaxNameLength> =
			name.try_into().map_err(|_| Error::<T>::NameTooLong)?;

		let info = ReporterInfo {
			name: name.clone(),
			added_at: frame_system::Pallet::<T>::block_number(),
			records_filed: 0,
		};
		Reporters::<T>::insert(&who, info);
		Self::deposit_event(Event::ReporterAdded { reporter: who, name });
		Ok(())
	}

	/// Remove reporter `who`. See [`Call::remove_reporter`].
	pub fn do_remove_reporter(who: T::AccountId) -> DispatchResult {
		Reporters::<T>::take(&who).ok_or(Error::<T>::NotReporter)?;
		Self::deposit_event(Event::ReporterRemoved { reporter: who });
		Ok(())
	}

	/// File a record by `reporter` and return its id. See [`Call::file_record`].
	///
	/// Public so that other runtime code (e.g. the contracts chain extension) can file records
	/// on behalf of a reporter account.
	pub fn do_file_record(
		reporter: T::AccountId,
		subject: T::AccountId,
		kind: RecordKind,
		weight: u32,
		deal: [u8; 32],
	) -> Result<RecordId, DispatchError> {
		let mut info = Reporters::<T>::get(&reporter).ok_or(Error::<T>::NotReporter)?;
		ensure!(subject != reporter, Error::<T>::SelfReport);
		ensure!((1..=T::MaxRecordWeight::get()).contains(&weight), Error::<T>::InvalidWeight);
		ensure!(
			!DealRecords::<T>::contains_key((&reporter, &subject, &deal)),
			Error::<T>::DuplicateRecord
		);

		// Compute every new value before writing anything.
		let points = kind.weighted_points(weight).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let epoch = Self::epoch_of(now);
		let record_id = NextRecordId::<T>::get();
		let next_record_id = record_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let subject_index = SubjectRecordCount::<T>::get(&subject);
		let subject_count = subject_index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let reporter_index = ReporterRecordCount::<T>::get(&reporter);
		let reporter_count = reporter_index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		info.records_filed = info.records_filed.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let before = ScoreStates::<T>::get(&subject);
		let mut after = before.clone();
		after.add_points(epoch, points, epoch).map_err(|_| Error::<T>::Overflow)?;
		after.note_filed(kind).map_err(|_| Error::<T>::Overflow)?;

		let record = Record {
			subject: subject.clone(),
			reporter: reporter.clone(),
			kind,
			weight,
			deal,
			filed_at: now,
			status: RecordStatus::Active,
		};
		Records::<T>::insert(record_id, record);
		NextRecordId::<T>::put(next_record_id);
		DealRecords::<T>::insert((&reporter, &subject, &deal), record_id);
		SubjectRecords::<T>::insert(&subject, subject_index, record_id);
		SubjectRecordCount::<T>::insert(&subject, subject_count);
		ReporterRecords::<T>::insert(&reporter, reporter_index, record_id);
		ReporterRecordCount::<T>::insert(&reporter, reporter_count);
		Reporters::<T>::insert(&reporter, info);

		Self::deposit_event(Event::RecordFiled {
			record_id,
			subject: subject.clone(),
			reporter,
			kind,
			weight,
			deal,
		});
		Self::store_score(&subject, &before, after, epoch);
		Ok(record_id)
	}

	/// Open a dispute of `record_id` by `who`. See [`Call::dispute`].
	pub fn do_dispute(who: T::AccountId, record_id: RecordId) -> DispatchResult {
		let mut record = Records::<T>::get(record_id).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(record.subject == who, Error::<T>::NotSubject);
		ensure!(
			!Disputes::<T>::contains_key(record_id) && record.status == RecordStatus::Active,
			Error::<T>::AlreadyDisputed
		);

		let now = frame_system::Pallet::<T>::block_number();
		let epoch = Self::epoch_of(now);
		let points = record.kind.weighted_points(record.weight).ok_or(Error::<T>::Overflow)?;
		let removed = points.checked_neg().ok_or(Error::<T>::Overflow)?;
		let before = ScoreStates::<T>::get(&who);
		let mut after = before.clone();
		after
			.add_points(Self::epoch_of(record.filed_at), removed, epoch)
			.map_err(|_| Error::<T>::Overflow)?;
		after.note_disputed(record.kind).map_err(|_| Error::<T>::Overflow)?;

		let deposit = T::DisputeDeposit::get();
		let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);
		// `hold` checks that the deposit can be held before it changes anything; checking
		// `can_hold` first would do that work twice.
		T::Currency::hold(&reason, &who, deposit).map_err(|e| match e {
			DispatchError::Token(_) | DispatchError::Arithmetic(_) => {
				Error::<T>::InsufficientBalance.into()
			}
			other => other,
		})?;

		record.status = RecordStatus::Disputed;
		Records::<T>::insert(record_id, record);
		Disputes::<T>::insert(record_id, Dispute { deposit, opened_at: now, resolution: None });

		Self::deposit_event(Event::RecordDisputed { record_id, subject: who.clone(), deposit });
		Self::store_score(&who, &before, after, epoch);
		Ok(())
	}

	/// Resolve the open dispute of `record_id`. See [`Call::resolve_dispute`].
	pub fn do_resolve_dispute(record_id: RecordId, overturn: bool) -> DispatchResult {
		let mut record = Records::<T>::get(record_id).ok_or(Error::<T>::UnknownRecord)?;
		let mut dispute = Disputes::<T>::get(record_id).ok_or(Error::<T>::NotDisputed)?;
		ensure!(
			dispute.is_open() && record.status == RecordStatus::Disputed,
			Error::<T>::NotDisputed
		);

		let now = frame_system::Pallet::<T>::block_number();
		let epoch = Self::epoch_of(now);
		let subject = record.subject.clone();
		let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);
		let before = ScoreStates::<T>::get(&subject);
		let mut after = before.clone();

		if overturn {
			after.note_overturned().map_err(|_| Error::<T>::Overflow)?;

			if !dispute.deposit.is_zero() {
				T::Currency::release(&reason, &subject, dispute.deposit, Precision::BestEffort)?;
			}

			record.status = RecordStatus::Overturned;
			dispute.resolution = Some((Resolution::Overturned, now));
			Records::<T>::insert(record_id, record);
			Disputes::<T>::insert(record_id, dispute);
			Self::deposit_event(Event::DisputeOverturned { record_id });
		} else {
			let points = record.kind.weighted_points(record.weight).ok_or(Error::<T>::Overflow)?;
			after
				.add_points(Self::epoch_of(record.filed_at), points, epoch)
				.map_err(|_| Error::<T>::Overflow)?;
			after.note_upheld(record.kind).map_err(|_| Error::<T>::Overflow)?;

			let to_slash = T::UpheldDisputeSlash::get().mul_floor(dispute.deposit);
			let to_release = dispute.deposit.saturating_sub(to_slash);
			if !to_release.is_zero() {
				T::Currency::release(&reason, &subject, to_release, Precision::BestEffort)?;
			}
			let (credit, not_slashed) =
				<T::Currency as fungible::BalancedHold<T::AccountId>>::slash(
					&reason, &subject, to_slash,
				);
			T::Slash::on_unbalanced(credit);
			let slashed = to_slash.saturating_sub(not_slashed);

			record.status = RecordStatus::Active;
			dispute.resolution = Some((Resolution::Upheld, now));
			Records::<T>::insert(record_id, record);
			Disputes::<T>::insert(record_id, dispute);
			Self::deposit_event(Event::DisputeUpheld { record_id, slashed });
		}

		Self::store_score(&subject, &before, after, epoch);
		Ok(())
	}

	/// Store `after` as `who`'s score state and emit [`Event::ScoreChanged`] if the score in
	/// `epoch` differs from the one of `before`.
	fn store_score(who: &T::AccountId, before: &ScoreState, after: ScoreState, epoch: Epoch) {
		let old_score = clamp_score(before.raw_points(epoch));
		let new_score = clamp_score(after.raw_points(epoch));
		ScoreStates::<T>::insert(who, after);
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
	/// stored [`ScoreState`]. Linear in the number of the subject's records: meant for audits
	/// and `try_state`, not for calls. Equals [`Self::score_details_at`].
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
		for index in 0..SubjectRecordCount::<T>::get(who) {
			let Some(record) = SubjectRecords::<T>::get(who, index).and_then(Records::<T>::get)
			else {
				continue;
			};
			match record.status {
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
		Self::page_of(page, SubjectRecordCount::<T>::get(who), |index| {
			SubjectRecords::<T>::get(who, index)
		})
	}

	/// Page `page` of the records filed by `reporter`, oldest first. Backs the runtime API's
	/// `reporter_records`.
	pub fn reporter_records_page(reporter: &T::AccountId, page: u32) -> RecordPageOf<T> {
		Self::page_of(page, ReporterRecordCount::<T>::get(reporter), |index| {
			ReporterRecords::<T>::get(reporter, index)
		})
	}

	/// The reporter `who`, if it is one, with its name as a plain byte vector. Backs the
	/// runtime API's `reporter`.
	pub fn reporter_info(who: &T::AccountId) -> Option<ReporterInfo<BlockNumberFor<T>, Vec<u8>>> {
		Reporters::<T>::get(who).map(|info| ReporterInfo {
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
			.filter_map(|id| Records::<T>::get(id).map(|record| RecordEntry { id, record }))
			.collect();
		RecordPage { page, page_size: RECORDS_PAGE_SIZE, total, records }
	}

	/// Check the pallet's invariants:
	///
	/// - every record id is below [`NextRecordId`], its weight valid, and [`DealRecords`]
	///   points back at it (one entry per record);
	/// - the subject and reporter indexes are dense (`0..count`), point at records of that
	///   subject/reporter, and together cover every record exactly once;
	/// - a `Disputed` record has an open dispute, an `Overturned` one an overturned dispute, an
	///   `Active` one none or an upheld one; every dispute belongs to a record;
	/// - each subject's held dispute deposit equals the sum of its open disputes' deposits;
	/// - each subject's stored score equals the score recomputed from its records, and its
	///   buckets are sorted and non-zero; score states exist only for subjects;
	/// - reporter names are bounded and `records_filed` never exceeds the lifetime count.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let next_record_id = NextRecordId::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let mut record_count: u64 = 0;
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
			let resolution = Disputes::<T>::get(id).map(|dispute| dispute.resolution);
			let consistent = match record.status {
				RecordStatus::Active => {
					matches!(resolution, None | Some(Some((Resolution::Upheld, _))))
				}
				RecordStatus::Disputed => matches!(resolution, Some(None)),
				RecordStatus::Overturned => {
					matches!(resolution, Some(Some((Resolution::Overturned, _))))
				}
			};
			ensure!(consistent, "a record's status does not match its dispute");
		}
		ensure!(
			DealRecords::<T>::iter_keys().count() as u64 == record_count,
			"DealRecords and Records differ in size"
		);

		let mut open_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, dispute) in Disputes::<T>::iter() {
			let record = Records::<T>::get(id).ok_or("a dispute has no record")?;
			if dispute.is_open() {
				let sum = open_deposits.entry(record.subject).or_insert_with(Zero::zero);
				*sum = sum.saturating_add(dispute.deposit);
			}
		}

		let reason = T::RuntimeHoldReason::from(HoldReason::DisputeDeposit);
		let mut subject_indexed: u64 = 0;
		for (subject, count) in SubjectRecordCount::<T>::iter() {
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

			let state = ScoreStates::<T>::get(&subject);
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
		ensure!(open_deposits.is_empty(), "an open dispute belongs to a subject without records");
		for subject in ScoreStates::<T>::iter_keys() {
			ensure!(
				SubjectRecordCount::<T>::get(&subject) > 0,
				"a score state exists for an account without records"
			);
		}

		let mut reporter_indexed: u64 = 0;
		for (reporter, count) in ReporterRecordCount::<T>::iter() {
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

		for (reporter, info) in Reporters::<T>::iter() {
			ensure!(
				info.name.len() <= T::MaxNameLength::get() as usize,
				"a reporter name is too long"
			);
			ensure!(
				info.records_filed <= ReporterRecordCount::<T>::get(&reporter),
				"a reporter filed more records than its lifetime count"
			);
		}
		Ok(())
	}
}
