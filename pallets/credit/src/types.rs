//! Types of the credit pallet: records, reporters, disputes and the score arithmetic.
//!
//! Everything here that the runtime API returns ([`ScoreDetails`], [`RecordPage`],
//! [`RecordEntry`], [`Record`], [`RecordKind`], [`RecordStatus`], [`ReporterInfo`]) also derives
//! `serde` traits under `std`, so the node can hand it out over JSON-RPC unchanged.
//!
//! The storage holds its own types where it keeps more than the API shows: a
//! [`StoredRecord`] carries its [`Dispute`] (the API's [`Record`] only its [`RecordStatus`]),
//! and a [`ReporterState`] keeps a reporter's lifetime record count next to its current
//! [`ReporterInfo`] (also after removal).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::ArithmeticError;

/// Identifier of a record: a global counter, starting at 0.
pub type RecordId = u64;

/// A decay epoch: `block_number / DecayPeriod`, saturated to `u32`.
pub type Epoch = u32;

/// Number of epochs in which a record counts towards a score: a record filed in epoch `e`
/// still contributes in epoch `E` if `E - e < DECAY_EPOCHS`.
pub const DECAY_EPOCHS: u32 = 16;

/// The largest age (in epochs) of a record that still counts: `DECAY_EPOCHS - 1`.
///
/// It is also the exponent of the common denominator `2^MAX_AGE` of the score sum.
pub const MAX_AGE: u32 = DECAY_EPOCHS - 1;

/// Maximum number of score buckets kept per subject: one per epoch of the window.
pub type MaxBuckets = ConstU32<DECAY_EPOCHS>;

/// Score of an account without any active record in the decay window.
pub const NEUTRAL_SCORE: i64 = 500;

/// Lowest possible score.
pub const MIN_SCORE: i64 = 0;

/// Highest possible score.
pub const MAX_SCORE: i64 = 1000;

/// Number of records in one page returned by the paged queries (and the runtime API).
pub const RECORDS_PAGE_SIZE: u32 = 50;

/// What happened in a deal, as reported by a reporter.
///
/// Each kind is worth a fixed number of points per unit of record weight, see
/// [`RecordKind::points`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum RecordKind {
	/// A deal was completed as agreed (+10 points per unit of weight).
	#[codec(index = 0)]
	CompletedDeal,
	/// A payment arrived on time (+5).
	#[codec(index = 1)]
	OnTimePayment,
	/// A payment arrived late (-10).
	#[codec(index = 2)]
	LatePayment,
	/// A payment never arrived (-50).
	#[codec(index = 3)]
	Default,
	/// A rented asset was returned damaged (-25).
	#[codec(index = 4)]
	Damage,
	/// The subject did not show up (-15).
	#[codec(index = 5)]
	NoShow,
	/// The subject cancelled the deal (-5).
	#[codec(index = 6)]
	Cancellation,
}

impl RecordKind {
	/// Points of this kind per unit of record weight.
	pub const fn points(&self) -> i64 {
		match self {
			Self::CompletedDeal => 10,
			Self::OnTimePayment => 5,
			Self::LatePayment => -10,
			Self::Cancellation => -5,
			Self::NoShow => -15,
			Self::Damage => -25,
			Self::Default => -50,
		}
	}

	/// Whether a record of this kind raises the score.
	pub const fn is_positive(&self) -> bool {
		self.points() > 0
	}

	/// Points of a record of this kind with `weight`, or `None` on overflow.
	pub fn weighted_points(&self, weight: u32) -> Option<i64> {
		self.points().checked_mul(i64::from(weight))
	}
}

/// Lifecycle of a record.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum RecordStatus {
	/// The record counts towards the subject's score.
	#[codec(index = 0)]
	Active,
	/// The subject disputes the record; it does not count until the arbiter decides.
	#[codec(index = 1)]
	Disputed,
	/// The arbiter overturned the record; it never counts again.
	#[codec(index = 2)]
	Overturned,
}

/// A credit record: what `reporter` says about `subject` for one deal.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Record<AccountId, BlockNumber> {
	/// The account the record is about.
	pub subject: AccountId,
	/// The reporter that filed it.
	pub reporter: AccountId,
	/// What happened.
	pub kind: RecordKind,
	/// How much it counts, `1..=MaxRecordWeight`.
	pub weight: u32,
	/// The reporter's reference of the deal (e.g. a hash of the agreement).
	pub deal: [u8; 32],
	/// Block in which the record was filed; its decay epoch follows from it.
	pub filed_at: BlockNumber,
	/// Current status.
	pub status: RecordStatus,
}

/// A reporter: an account allowed to file records.
///
/// `Name` is the name container: a `BoundedVec<u8, MaxNameLength>` in storage and a plain
/// `Vec<u8>` in the runtime API (both encode the same way).
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ReporterInfo<BlockNumber, Name> {
	/// Human-readable name (e.g. the platform's name), UTF-8 by convention.
	pub name: Name,
	/// Block in which the reporter was (last) added.
	pub added_at: BlockNumber,
	/// Records filed since the reporter was (last) added. The lifetime count survives
	/// removal in [`ReporterState::lifetime_records`].
	pub records_filed: u32,
}

/// What the pallet stores about an account that is or was a reporter.
///
/// `lifetime_records` survives the reporter's removal (then `info` is `None`), so that a
/// re-added reporter keeps appending to its index of records rather than overwriting it. An
/// account removed before it filed anything leaves no entry behind.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct ReporterState<BlockNumber, Name> {
	/// Records the account ever filed as a reporter, over all its registrations: the length
	/// of its `ReporterRecords` index (the index its next record gets).
	pub lifetime_records: u32,
	/// The current registration; `None` while the account is not a reporter (it was
	/// removed).
	pub info: Option<ReporterInfo<BlockNumber, Name>>,
}

/// How the arbiter decided a dispute.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Resolution {
	/// The record stands: it is active again and part of the deposit is slashed.
	#[codec(index = 0)]
	Upheld,
	/// The record is overturned: it never counts again and the deposit is released.
	#[codec(index = 1)]
	Overturned,
}

/// A dispute of a record by its subject. Kept forever on the record
/// ([`StoredRecord::dispute`]), also after resolution.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Dispute<Balance, BlockNumber> {
	/// Deposit held from the subject while the dispute is open.
	pub deposit: Balance,
	/// Block in which the dispute was opened.
	pub opened_at: BlockNumber,
	/// The arbiter's decision and the block it was made in; `None` while open.
	pub resolution: Option<(Resolution, BlockNumber)>,
}

impl<Balance, BlockNumber> Dispute<Balance, BlockNumber> {
	/// Whether the dispute still waits for the arbiter.
	pub fn is_open(&self) -> bool {
		self.resolution.is_none()
	}
}

/// A credit record as stored: the fields of [`Record`], with the record's dispute (if it was
/// ever disputed) in place of its status. The status follows from the dispute, see
/// [`StoredRecord::status`], so the two can never disagree.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct StoredRecord<AccountId, Balance, BlockNumber> {
	/// The account the record is about.
	pub subject: AccountId,
	/// The reporter that filed it.
	pub reporter: AccountId,
	/// What happened.
	pub kind: RecordKind,
	/// How much it counts, `1..=MaxRecordWeight`.
	pub weight: u32,
	/// The reporter's reference of the deal (e.g. a hash of the agreement).
	pub deal: [u8; 32],
	/// Block in which the record was filed; its decay epoch follows from it.
	pub filed_at: BlockNumber,
	/// The record's dispute, open or resolved; `None` if it was never disputed. A record is
	/// disputed at most once.
	pub dispute: Option<Dispute<Balance, BlockNumber>>,
}

impl<AccountId, Balance, BlockNumber> StoredRecord<AccountId, Balance, BlockNumber> {
	/// The record's status: `Active` if never disputed or upheld, `Disputed` while its dispute
	/// is open, `Overturned` once the arbiter overturned it.
	pub fn status(&self) -> RecordStatus {
		match &self.dispute {
			None => RecordStatus::Active,
			Some(dispute) => match &dispute.resolution {
				None => RecordStatus::Disputed,
				Some((Resolution::Upheld, _)) => RecordStatus::Active,
				Some((Resolution::Overturned, _)) => RecordStatus::Overturned,
			},
		}
	}

	/// The record as the runtime API returns it.
	pub fn into_record(self) -> Record<AccountId, BlockNumber> {
		let status = self.status();
		Record {
			subject: self.subject,
			reporter: self.reporter,
			kind: self.kind,
			weight: self.weight,
			deal: self.deal,
			filed_at: self.filed_at,
			status,
		}
	}
}

/// The stored inputs of a subject's score, and the length of its record index.
///
/// `buckets` holds, for each epoch of the decay window that has any, the sum of the points of
/// the subject's active records filed in that epoch: sorted by epoch, without zero sums,
/// pruned of epochs older than the window on every write. The counters count records by
/// status, whatever their age.
///
/// The buckets stay a sparse list of `(epoch, points)` pairs: at most 16 of 12 bytes, fewer
/// for most subjects, decoded and encoded in one pass without any further arithmetic; the
/// score is their decayed sum (see [`decayed_raw_points`]), a shift and an add per bucket.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo, MaxEncodedLen)]
pub struct ScoreState {
	/// `(epoch, points)` sums of active records, sorted by epoch.
	pub buckets: BoundedVec<(Epoch, i64), MaxBuckets>,
	/// Active records whose kind has positive points.
	pub active_positive: u32,
	/// Active records whose kind has negative points.
	pub active_negative: u32,
	/// Records under an open dispute.
	pub disputed: u32,
	/// Records overturned by the arbiter.
	pub overturned: u32,
	/// All records about the subject, whatever their status: the length of its
	/// `SubjectRecords` index (the index its next record gets). Kept here rather than in a
	/// map of its own because filing a record reads and writes this state anyway.
	pub records: u32,
}

impl ScoreState {
	/// Drops the buckets of epochs that can no longer count in or after `now`.
	pub fn prune(&mut self, now: Epoch) {
		let first = window_start(now);
		self.buckets.retain(|(epoch, _)| *epoch >= first);
	}

	/// Adds `delta` points to the bucket of `epoch`, after pruning for `now`.
	///
	/// Does nothing to the buckets if `epoch` is outside the window of `now` (its points no
	/// longer count). Buckets whose sum becomes zero are dropped.
	pub fn add_points(
		&mut self,
		epoch: Epoch,
		delta: i64,
		now: Epoch,
	) -> Result<(), ArithmeticError> {
		self.prune(now);
		if epoch < window_start(now) || epoch > now || delta == 0 {
			return Ok(());
		}
		if let Some(bucket) = self.buckets.iter_mut().find(|(e, _)| *e == epoch) {
			bucket.1 = bucket.1.checked_add(delta).ok_or(ArithmeticError::Overflow)?;
		} else {
			let position =
				self.buckets.iter().position(|(e, _)| *e > epoch).unwrap_or(self.buckets.len());
			// After pruning at most `DECAY_EPOCHS` distinct epochs remain, and `epoch` is not
			// among them, so there is room; report overflow rather than panic if not.
			self.buckets
				.try_insert(position, (epoch, delta))
				.map_err(|_| ArithmeticError::Overflow)?;
		}
		self.buckets.retain(|(_, points)| *points != 0);
		Ok(())
	}

	/// A record of `kind` was filed.
	pub fn note_filed(&mut self, kind: RecordKind) -> Result<(), ArithmeticError> {
		let counter = self.active_counter(kind);
		*counter = counter.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// An active record of `kind` was disputed.
	pub fn note_disputed(&mut self, kind: RecordKind) -> Result<(), ArithmeticError> {
		let counter = self.active_counter(kind);
		*counter = counter.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
		self.disputed = self.disputed.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// A disputed record of `kind` was upheld (active again).
	pub fn note_upheld(&mut self, kind: RecordKind) -> Result<(), ArithmeticError> {
		self.disputed = self.disputed.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
		let counter = self.active_counter(kind);
		*counter = counter.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// A disputed record was overturned.
	pub fn note_overturned(&mut self) -> Result<(), ArithmeticError> {
		self.disputed = self.disputed.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
		self.overturned = self.overturned.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// The decayed, floored sum of the buckets in epoch `now`.
	pub fn raw_points(&self, now: Epoch) -> i64 {
		decayed_raw_points(self.buckets.iter().copied(), now)
	}

	fn active_counter(&mut self, kind: RecordKind) -> &mut u32 {
		if kind.is_positive() {
			&mut self.active_positive
		} else {
			&mut self.active_negative
		}
	}
}

/// First epoch of the decay window that ends in epoch `now`.
pub fn window_start(now: Epoch) -> Epoch {
	now.saturating_sub(MAX_AGE)
}

/// The decayed sum of `(epoch, points)` items in epoch `now`, floored.
///
/// An item of age `a = now - epoch` (`0 <= a <= MAX_AGE`) counts `points / 2^a`; older items
/// and items from the future count nothing. The sum is computed exactly on the common
/// denominator `2^MAX_AGE` and floored (towards minus infinity) once at the end:
///
/// `floor( Σ points_i * 2^(MAX_AGE - a_i) / 2^MAX_AGE )`
///
/// Being linear before the single floor, it gives the same result for per-epoch buckets and
/// for the individual records they sum, in any order. The result saturates at the `i64`
/// bounds (unreachable with realistic record counts).
///
/// The powers of two are shifts: multiplying by `2^(MAX_AGE - a)` is a left shift of an `i64`
/// widened to `i128` (exact, see below), and the floor division by `2^MAX_AGE` is an
/// arithmetic right shift, which rounds towards minus infinity. This avoids the software
/// `i128` multiplications and division (`__muloti4`, `__divti3`) that wasm would otherwise run
/// for every bucket on every call.
pub fn decayed_raw_points(items: impl IntoIterator<Item = (Epoch, i64)>, now: Epoch) -> i64 {
	let mut numerator: i128 = 0;
	for (epoch, points) in items {
		let Some(age) = now.checked_sub(epoch) else { continue };
		let Some(shift) = MAX_AGE.checked_sub(age) else { continue };
		// |points| <= 2^63 and shift <= MAX_AGE = 15, so the term has at most 79 significant
		// bits: the shift is exact in `i128` (it equals `points * 2^shift`). Only the sum of
		// very many terms could reach the `i128` bounds; saturating rules out a panic.
		let term = i128::from(points) << shift;
		numerator = numerator.saturating_add(term);
	}
	// `>>` on a signed integer is an arithmetic shift: the floor division by 2^MAX_AGE.
	let floored = numerator >> MAX_AGE;
	i64::try_from(floored).unwrap_or(if floored < 0 { i64::MIN } else { i64::MAX })
}

/// The common denominator of the decayed sum: `2^MAX_AGE`.
pub const SCORE_DENOMINATOR: i128 = 1 << MAX_AGE;

/// The score for a decayed, floored sum of points: `clamp(NEUTRAL_SCORE + raw, 0, 1000)`.
pub fn clamp_score(raw_points: i64) -> u16 {
	let score = NEUTRAL_SCORE.saturating_add(raw_points).clamp(MIN_SCORE, MAX_SCORE);
	// `score` is within 0..=1000.
	u16::try_from(score).unwrap_or(0)
}

/// A subject's score together with its inputs, as computed at some block.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ScoreDetails {
	/// The score, `0..=1000`; 500 is neutral.
	pub score: u16,
	/// The decayed sum of active points, floored, before adding 500 and clamping.
	pub raw_points: i64,
	/// Active records with positive points (any age).
	pub active_positive: u32,
	/// Active records with negative points (any age).
	pub active_negative: u32,
	/// Records under an open dispute.
	pub disputed: u32,
	/// Records overturned by the arbiter.
	pub overturned: u32,
	/// The decay epoch the score was computed in.
	pub epoch: Epoch,
}

/// A record with its id, as returned by the paged queries.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct RecordEntry<AccountId, BlockNumber> {
	/// The record's id.
	pub id: RecordId,
	/// The record.
	pub record: Record<AccountId, BlockNumber>,
}

/// One page of an account's records, oldest first.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct RecordPage<AccountId, BlockNumber> {
	/// The page index, starting at 0.
	pub page: u32,
	/// Records per page ([`RECORDS_PAGE_SIZE`]).
	pub page_size: u32,
	/// Total records of the account (all pages).
	pub total: u32,
	/// The records of this page: at most `page_size`, empty past the last page.
	pub records: Vec<RecordEntry<AccountId, BlockNumber>>,
}
