//! # Ride agreements
//!
//! One contract instance is one ride-hailing service: a registry of many rides, each with its
//! own escrow, between a rider and a driver; an arbiter named at instantiation settles
//! disputes. See `README.md` next to this file for the message flow, the states, the fees and
//! the records filed.
//!
//! - A rider requests a ride with pickup and drop-off digests, sending the maximum fare into
//!   escrow; until a driver accepts, the rider may withdraw the request for free.
//! - A driver whose credit score is at least the service's minimum accepts the ride.
//! - Before the ride starts either side may cancel: the rider pays the cancellation fee to the
//!   driver, the driver refunds the rider in full; the side that cancels gets a `Cancellation`
//!   record. Once `no_show_wait` blocks have passed since the acceptance without a start, the
//!   driver may report the rider as a no-show (fee to the driver, `NoShow` record).
//! - The driver starts the ride and completes it with the actual fare, at most the maximum:
//!   the fare goes to the driver, the rest back to the rider, and both get a `CompletedDeal`
//!   record. Rider and driver then rate each other once (1 to 5 stars), which files a record
//!   on the rated side.
//! - While money is in escrow, a ride that goes wrong (a started ride the driver never
//!   completes, a driver who accepted and never came) is disputed and the arbiter splits the
//!   escrow.
//!
//! Credit records are filed through the Sharechain chain extension with this contract's
//! account as reporter. Filing never blocks money: if the runtime refuses a record (e.g. the
//! contract is not a registered reporter), the message still succeeds and emits
//! [`RecordNotFiled`](ride::RecordNotFiled) with the reason.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = sharechain_extension::SharechainEnvironment)]
mod ride {
	use ink::{env::hash::Blake2x256, storage::Mapping};
	use sharechain_extension::{ExtensionError, RecordKind};

	/// The id of a ride: rides are numbered from 0 in request order.
	pub type RideId = u64;

	/// Domain of deal references: records filed by a ride service use
	/// `blake2_256(SCALE(DEAL_DOMAIN, contract account, ride id as u64, kind as u8, rating))`.
	pub const DEAL_DOMAIN: [u8; 15] = *b"sharechain/ride";

	/// The weight of the records filed when a ride is settled (completion, cancellation,
	/// no-show). Ratings weigh by their stars, see [`rating_record`].
	pub const RECORD_WEIGHT: u32 = 1;

	/// The highest credit score; a minimum driver score above it could never be met.
	pub const MAX_SCORE: u16 = sharechain_extension::MAX_SCORE;

	/// The lowest rating.
	pub const MIN_STARS: u8 = 1;

	/// The highest rating.
	pub const MAX_STARS: u8 = 5;

	/// The credit record a rating of `stars` files on the rated side: `(kind, weight)`, or
	/// `None` for a neutral rating (3 stars) or stars outside `1..=5`.
	///
	/// | stars | kind | weight | score effect |
	/// |---|---|---|---|
	/// | 5 | `CompletedDeal` | 2 | +20 |
	/// | 4 | `CompletedDeal` | 1 | +10 |
	/// | 3 | – | – | 0 |
	/// | 2 | `Damage` | 1 | −25 |
	/// | 1 | `Damage` | 2 | −50 |
	pub const fn rating_record(stars: u8) -> Option<(RecordKind, u32)> {
		match stars {
			5 => Some((RecordKind::CompletedDeal, 2)),
			4 => Some((RecordKind::CompletedDeal, 1)),
			2 => Some((RecordKind::Damage, 1)),
			1 => Some((RecordKind::Damage, 2)),
			_ => None,
		}
	}

	/// Where a ride is in its life.
	#[derive(Debug, Copy, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub enum RideState {
		/// Requested by the rider, the maximum fare in escrow, waiting for a driver.
		Requested,
		/// Accepted by a driver, who is on the way to the pickup.
		Accepted,
		/// The driver started the ride.
		Started,
		/// Ended: the fare went to the driver, the rest back to the rider.
		Completed,
		/// A side disputed the ride; the escrow is held for the arbiter.
		Disputed,
		/// Ended by the arbiter's split of the escrow.
		Resolved,
		/// The rider withdrew the request before any driver accepted it (full refund).
		Withdrawn,
		/// The rider cancelled after a driver accepted (cancellation fee to the driver).
		CancelledByRider,
		/// The driver cancelled after accepting (full refund to the rider).
		CancelledByDriver,
		/// The driver reported the rider as a no-show (cancellation fee to the driver).
		RiderNoShow,
	}

	/// One ride: the parties, the route, the money and the ratings.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Ride {
		/// The rider (who requested the ride).
		pub rider: AccountId,
		/// The driver, once a driver accepted.
		pub driver: Option<AccountId>,
		/// Digest identifying the pickup location (computed off chain).
		pub pickup: [u8; 32],
		/// Digest identifying the drop-off location (computed off chain).
		pub dropoff: [u8; 32],
		/// The maximum fare, sent by the rider with the request.
		pub max_fare: Balance,
		/// The ride's state.
		pub state: RideState,
		/// The block of the request.
		pub requested_at: BlockNumber,
		/// The block of the acceptance.
		pub accepted_at: Option<BlockNumber>,
		/// The block the ride started at.
		pub started_at: Option<BlockNumber>,
		/// Who disputed the ride, if anyone.
		pub disputed_by: Option<AccountId>,
		/// The block the escrow was paid out at (the ride ended).
		pub settled_at: Option<BlockNumber>,
		/// Money still held in escrow for the ride (the maximum fare until it is settled).
		pub escrow: Balance,
		/// What the driver received when the ride was settled (fare, fee or arbiter's share).
		pub paid_to_driver: Balance,
		/// What went back to the rider when the ride was settled.
		pub refunded_to_rider: Balance,
		/// The stars the rider gave the driver.
		pub stars_for_driver: Option<u8>,
		/// The stars the driver gave the rider.
		pub stars_for_rider: Option<u8>,
	}

	/// The service's terms.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub struct Config {
		/// The arbiter of disputes.
		pub arbiter: AccountId,
		/// The lowest credit score a driver may have to accept a ride.
		pub min_driver_score: u16,
		/// The fee a rider pays the driver for cancelling after acceptance or not showing up
		/// (capped at the ride's maximum fare).
		pub cancellation_fee: Balance,
		/// Blocks after the acceptance from which the driver may report a no-show (and the
		/// rider may dispute a ride the driver has not started).
		pub no_show_wait: BlockNumber,
	}

	/// A ride-hailing service: a registry of rides and their escrow.
	#[ink(storage)]
	pub struct Rides {
		arbiter: AccountId,
		min_driver_score: u16,
		cancellation_fee: Balance,
		no_show_wait: BlockNumber,
		/// The id the next request gets.
		next_ride_id: RideId,
		rides: Mapping<RideId, Ride>,
	}

	/// The service was set up.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Configured {
		/// The arbiter.
		#[ink(topic)]
		pub arbiter: AccountId,
		/// The lowest driver score.
		pub min_driver_score: u16,
		/// The cancellation fee.
		pub cancellation_fee: Balance,
		/// The no-show wait, in blocks.
		pub no_show_wait: BlockNumber,
	}

	/// A rider requested a ride and sent the maximum fare into escrow.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideRequested {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The rider.
		#[ink(topic)]
		pub rider: AccountId,
		/// The pickup digest.
		pub pickup: [u8; 32],
		/// The drop-off digest.
		pub dropoff: [u8; 32],
		/// The maximum fare, held in escrow.
		pub max_fare: Balance,
	}

	/// The rider withdrew the request before any driver accepted it; the escrow went back.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RequestCancelled {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The rider.
		#[ink(topic)]
		pub rider: AccountId,
		/// The amount refunded (the whole escrow).
		pub refund: Balance,
	}

	/// A driver accepted the ride.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideAccepted {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The rider.
		#[ink(topic)]
		pub rider: AccountId,
		/// The driver.
		#[ink(topic)]
		pub driver: AccountId,
		/// The driver's credit score when accepting.
		pub score: u16,
		/// From this block on, without a start, the driver may report a no-show.
		pub no_show_after: BlockNumber,
	}

	/// A side cancelled an accepted ride before it started.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideCancelled {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// Who cancelled (the rider or the driver).
		#[ink(topic)]
		pub by: AccountId,
		/// The cancellation fee paid to the driver (0 when the driver cancelled).
		pub fee: Balance,
		/// The amount refunded to the rider.
		pub refund: Balance,
	}

	/// The driver reported that the rider did not show up.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct NoShowReported {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The rider.
		#[ink(topic)]
		pub rider: AccountId,
		/// The driver.
		#[ink(topic)]
		pub driver: AccountId,
		/// The cancellation fee paid to the driver.
		pub fee: Balance,
		/// The amount refunded to the rider.
		pub refund: Balance,
	}

	/// The driver started the ride.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideStarted {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The driver.
		#[ink(topic)]
		pub driver: AccountId,
		/// The block.
		pub at: BlockNumber,
	}

	/// The driver completed the ride: the fare went to the driver, the rest to the rider.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideCompleted {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The rider.
		#[ink(topic)]
		pub rider: AccountId,
		/// The driver.
		#[ink(topic)]
		pub driver: AccountId,
		/// The fare paid to the driver.
		pub fare: Balance,
		/// The amount refunded to the rider.
		pub refund: Balance,
	}

	/// A side disputed the ride; the escrow is held for the arbiter.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RideDisputed {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// Who disputed (the rider or the driver).
		#[ink(topic)]
		pub by: AccountId,
		/// The escrow held.
		pub held: Balance,
	}

	/// The arbiter split the escrow of a disputed ride.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct DisputeResolved {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// The arbiter.
		#[ink(topic)]
		pub arbiter: AccountId,
		/// Paid to the driver.
		pub to_driver: Balance,
		/// Paid back to the rider.
		pub to_rider: Balance,
	}

	/// A side rated the other.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Rated {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// Who rated.
		#[ink(topic)]
		pub by: AccountId,
		/// Who was rated.
		#[ink(topic)]
		pub subject: AccountId,
		/// The stars, `1..=5`.
		pub stars: u8,
	}

	/// A credit record was filed.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RecordFiled {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// Who the record is about.
		#[ink(topic)]
		pub subject: AccountId,
		/// The record kind.
		pub kind: RecordKind,
		/// The record weight.
		pub weight: u32,
		/// The record's id in the credit pallet.
		pub record_id: u64,
		/// The deal reference.
		pub deal: [u8; 32],
	}

	/// The runtime refused a credit record; the message went through without it.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RecordNotFiled {
		/// The ride.
		#[ink(topic)]
		pub id: RideId,
		/// Who the record would have been about.
		#[ink(topic)]
		pub subject: AccountId,
		/// The record kind.
		pub kind: RecordKind,
		/// The record weight.
		pub weight: u32,
		/// Why (e.g. `NotReporter` when the contract is not a registered reporter).
		pub error: ExtensionError,
		/// The deal reference.
		pub deal: [u8; 32],
	}

	/// Why a message was refused. A refused message moves no funds and changes nothing.
	#[derive(Debug, Copy, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Terms: the minimum driver score is above the highest score (1000).
		ScoreOutOfRange,
		/// Terms: the no-show wait must be at least one block.
		ZeroNoShowWait,
		/// No ride has this id.
		RideNotFound,
		/// The request carried no value: the maximum fare must not be zero.
		ZeroFare,
		/// The arbiter cannot be a rider or a driver.
		ArbiterIsParty,
		/// The rider cannot drive their own ride.
		DriverIsRider,
		/// Only the ride's rider may do this.
		NotRider,
		/// Only the ride's driver may do this.
		NotDriver,
		/// Only the ride's rider or driver may do this.
		NotParty,
		/// Only the arbiter may do this.
		NotArbiter,
		/// The ride is not in a state that allows this.
		WrongState,
		/// The ride is no longer requested (the rider withdrew it).
		NotRequested,
		/// A driver already accepted the ride.
		RideTaken,
		/// The driver's credit score is below the service's minimum.
		ScoreTooLow,
		/// The chain extension did not answer the credit score.
		CreditScoreUnavailable,
		/// Fewer than `no_show_wait` blocks have passed since the acceptance.
		NoShowWaitNotOver,
		/// The fare is above the ride's maximum fare.
		FareAboveMaximum,
		/// A rating must be 1 to 5 stars.
		InvalidStars,
		/// The caller already rated this ride.
		AlreadyRated,
		/// The amount is more than the escrow held.
		InvalidAmount,
		/// An arithmetic overflow (ride ids exhausted).
		Overflow,
		/// A transfer out of the contract failed.
		TransferFailed,
	}

	/// The result of a ride message.
	pub type Result<T> = core::result::Result<T, Error>;

	impl Rides {
		/// Sets up a ride-hailing service.
		///
		/// `min_driver_score` is the lowest credit score a driver may have, `cancellation_fee`
		/// what a rider pays the driver for cancelling an accepted ride or not showing up
		/// (capped at the ride's maximum fare; may be 0), `no_show_wait` the blocks after the
		/// acceptance from which a driver may report a no-show, `arbiter` decides disputes.
		/// Emits [`Configured`].
		///
		/// # Errors
		///
		/// [`Error::ScoreOutOfRange`], [`Error::ZeroNoShowWait`].
		#[ink(constructor)]
		pub fn new(
			min_driver_score: u16,
			cancellation_fee: Balance,
			no_show_wait: BlockNumber,
			arbiter: AccountId,
		) -> Result<Self> {
			if min_driver_score > MAX_SCORE {
				return Err(Error::ScoreOutOfRange);
			}
			if no_show_wait == 0 {
				return Err(Error::ZeroNoShowWait);
			}
			Self::env().emit_event(Configured {
				arbiter,
				min_driver_score,
				cancellation_fee,
				no_show_wait,
			});
			Ok(Self {
				arbiter,
				min_driver_score,
				cancellation_fee,
				no_show_wait,
				next_ride_id: 0,
				rides: Mapping::new(),
			})
		}

		/// Requests a ride from `pickup` to `dropoff` (digests computed off chain); the value
		/// sent is the maximum fare, held in escrow. Returns the new ride's id. Emits
		/// [`RideRequested`].
		///
		/// # Errors
		///
		/// [`Error::ZeroFare`] without value, [`Error::ArbiterIsParty`] for the arbiter,
		/// [`Error::Overflow`] when ride ids are exhausted.
		#[ink(message, payable)]
		pub fn request_ride(&mut self, pickup: [u8; 32], dropoff: [u8; 32]) -> Result<RideId> {
			let rider = self.env().caller();
			if rider == self.arbiter {
				return Err(Error::ArbiterIsParty);
			}
			let max_fare = self.env().transferred_value();
			if max_fare == 0 {
				return Err(Error::ZeroFare);
			}
			let id = self.next_ride_id;
			let next = id.checked_add(1).ok_or(Error::Overflow)?;
			let ride = Ride {
				rider,
				driver: None,
				pickup,
				dropoff,
				max_fare,
				state: RideState::Requested,
				requested_at: self.env().block_number(),
				accepted_at: None,
				started_at: None,
				disputed_by: None,
				settled_at: None,
				escrow: max_fare,
				paid_to_driver: 0,
				refunded_to_rider: 0,
				stars_for_driver: None,
				stars_for_rider: None,
			};

			self.next_ride_id = next;
			self.rides.insert(id, &ride);
			self.env().emit_event(RideRequested { id, rider, pickup, dropoff, max_fare });
			Ok(id)
		}

		/// The rider withdraws a request no driver has accepted: the whole escrow goes back
		/// ([`RequestCancelled`]). No record is filed.
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotRider`], [`Error::WrongState`] unless
		/// requested, [`Error::TransferFailed`].
		#[ink(message)]
		pub fn cancel_request(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let rider = self.ensure_rider(&ride)?;
			Self::ensure_state(&ride, RideState::Requested)?;

			let refund = self.settle(id, &mut ride, RideState::Withdrawn, 0)?;
			self.env().emit_event(RequestCancelled { id, rider, refund });
			Ok(())
		}

		/// A driver accepts a requested ride. The caller's credit score is read through the
		/// chain extension and must be at least the service's minimum. Emits
		/// [`RideAccepted`].
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::RideTaken`] if a driver already accepted,
		/// [`Error::NotRequested`] if the request was withdrawn, [`Error::DriverIsRider`],
		/// [`Error::ArbiterIsParty`], [`Error::CreditScoreUnavailable`],
		/// [`Error::ScoreTooLow`].
		#[ink(message)]
		pub fn accept_ride(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			if ride.driver.is_some() {
				return Err(Error::RideTaken);
			}
			if ride.state != RideState::Requested {
				return Err(Error::NotRequested);
			}
			let driver = self.env().caller();
			if driver == ride.rider {
				return Err(Error::DriverIsRider);
			}
			if driver == self.arbiter {
				return Err(Error::ArbiterIsParty);
			}
			let score = self
				.env()
				.extension()
				.credit_score(driver)
				.map_err(|_| Error::CreditScoreUnavailable)?;
			if score < self.min_driver_score {
				return Err(Error::ScoreTooLow);
			}
			let now = self.env().block_number();

			ride.driver = Some(driver);
			ride.accepted_at = Some(now);
			ride.state = RideState::Accepted;
			self.rides.insert(id, &ride);
			self.env().emit_event(RideAccepted {
				id,
				rider: ride.rider,
				driver,
				score,
				no_show_after: self.no_show_after(now),
			});
			Ok(())
		}

		/// The rider cancels an accepted ride before it starts: the cancellation fee (at most
		/// the maximum fare) goes to the driver, the rest back to the rider, and a
		/// `Cancellation` record is filed on the rider ([`RideCancelled`]).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotRider`], [`Error::WrongState`] unless
		/// accepted, [`Error::TransferFailed`].
		#[ink(message)]
		pub fn cancel_by_rider(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let rider = self.ensure_rider(&ride)?;
			Self::ensure_state(&ride, RideState::Accepted)?;

			let fee = self.fee_for(&ride);
			let refund = self.settle(id, &mut ride, RideState::CancelledByRider, fee)?;
			self.env().emit_event(RideCancelled { id, by: rider, fee, refund });
			self.file_record(id, rider, RecordKind::Cancellation, RECORD_WEIGHT, false);
			Ok(())
		}

		/// The driver cancels an accepted ride before it starts: the whole escrow goes back to
		/// the rider and a `Cancellation` record is filed on the driver ([`RideCancelled`]).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotDriver`], [`Error::WrongState`] unless
		/// accepted, [`Error::TransferFailed`].
		#[ink(message)]
		pub fn cancel_by_driver(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let driver = self.ensure_driver(&ride)?;
			Self::ensure_state(&ride, RideState::Accepted)?;

			let refund = self.settle(id, &mut ride, RideState::CancelledByDriver, 0)?;
			self.env().emit_event(RideCancelled { id, by: driver, fee: 0, refund });
			self.file_record(id, driver, RecordKind::Cancellation, RECORD_WEIGHT, false);
			Ok(())
		}

		/// The driver reports that the rider did not show up: from `no_show_wait` blocks after
		/// the acceptance on, while the ride has not started. The cancellation fee (at most
		/// the maximum fare) goes to the driver, the rest back to the rider, and a `NoShow`
		/// record is filed on the rider ([`NoShowReported`]).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotDriver`], [`Error::WrongState`] unless
		/// accepted, [`Error::NoShowWaitNotOver`], [`Error::TransferFailed`].
		#[ink(message)]
		pub fn report_no_show(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let driver = self.ensure_driver(&ride)?;
			Self::ensure_state(&ride, RideState::Accepted)?;
			self.ensure_no_show_wait_over(&ride)?;

			let fee = self.fee_for(&ride);
			let rider = ride.rider;
			let refund = self.settle(id, &mut ride, RideState::RiderNoShow, fee)?;
			self.env().emit_event(NoShowReported { id, rider, driver, fee, refund });
			self.file_record(id, rider, RecordKind::NoShow, RECORD_WEIGHT, false);
			Ok(())
		}

		/// The driver starts an accepted ride (the rider is on board) ([`RideStarted`]).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotDriver`], [`Error::WrongState`] unless
		/// accepted.
		#[ink(message)]
		pub fn start_ride(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let driver = self.ensure_driver(&ride)?;
			Self::ensure_state(&ride, RideState::Accepted)?;
			let now = self.env().block_number();

			ride.state = RideState::Started;
			ride.started_at = Some(now);
			self.rides.insert(id, &ride);
			self.env().emit_event(RideStarted { id, driver, at: now });
			Ok(())
		}

		/// The driver completes a started ride with the actual `fare`, at most the maximum
		/// fare: the fare goes to the driver, the rest back to the rider, and a
		/// `CompletedDeal` record is filed on each ([`RideCompleted`]). Both may then
		/// [`rate`](Self::rate) each other.
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotDriver`], [`Error::WrongState`] unless
		/// started, [`Error::FareAboveMaximum`], [`Error::TransferFailed`].
		#[ink(message)]
		pub fn complete_ride(&mut self, id: RideId, fare: Balance) -> Result<()> {
			let mut ride = self.load(id)?;
			let driver = self.ensure_driver(&ride)?;
			Self::ensure_state(&ride, RideState::Started)?;
			if fare > ride.max_fare {
				return Err(Error::FareAboveMaximum);
			}

			let rider = ride.rider;
			let refund = self.settle(id, &mut ride, RideState::Completed, fare)?;
			self.env().emit_event(RideCompleted { id, rider, driver, fare, refund });
			self.file_record(id, rider, RecordKind::CompletedDeal, RECORD_WEIGHT, false);
			self.file_record(id, driver, RecordKind::CompletedDeal, RECORD_WEIGHT, false);
			Ok(())
		}

		/// Rates the other side of a completed (or resolved) ride with `stars` (1 to 5),
		/// once per side. Files the record [`rating_record`] gives (none for 3 stars) on the
		/// rated side, under a deal reference of its own ([`Rated`]).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotParty`], [`Error::WrongState`] unless
		/// completed or resolved, [`Error::InvalidStars`], [`Error::AlreadyRated`].
		#[ink(message)]
		pub fn rate(&mut self, id: RideId, stars: u8) -> Result<()> {
			let mut ride = self.load(id)?;
			let caller = self.env().caller();
			let by_rider = caller == ride.rider;
			if !by_rider && Some(caller) != ride.driver {
				return Err(Error::NotParty);
			}
			if !matches!(ride.state, RideState::Completed | RideState::Resolved) {
				return Err(Error::WrongState);
			}
			let driver = ride.driver.ok_or(Error::WrongState)?;
			if !(MIN_STARS..=MAX_STARS).contains(&stars) {
				return Err(Error::InvalidStars);
			}
			let (subject, given) = if by_rider {
				(driver, &mut ride.stars_for_driver)
			} else {
				(ride.rider, &mut ride.stars_for_rider)
			};
			if given.is_some() {
				return Err(Error::AlreadyRated);
			}

			*given = Some(stars);
			self.rides.insert(id, &ride);
			self.env().emit_event(Rated { id, by: caller, subject, stars });
			if let Some((kind, weight)) = rating_record(stars) {
				self.file_record(id, subject, kind, weight, true);
			}
			Ok(())
		}

		/// The rider or the driver disputes a ride whose money is in escrow; the escrow is
		/// held until the arbiter [resolves](Self::resolve_dispute) it ([`RideDisputed`]).
		/// Either side may dispute a started ride (e.g. the driver never completes it); the
		/// rider may also dispute an accepted ride the driver has not started once
		/// `no_show_wait` blocks have passed since the acceptance (the driver never came).
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotParty`], [`Error::NotRider`] (the driver, on
		/// an accepted ride), [`Error::NoShowWaitNotOver`], [`Error::WrongState`] unless
		/// started or accepted.
		#[ink(message)]
		pub fn dispute(&mut self, id: RideId) -> Result<()> {
			let mut ride = self.load(id)?;
			let caller = self.env().caller();
			let by_rider = caller == ride.rider;
			if !by_rider && Some(caller) != ride.driver {
				return Err(Error::NotParty);
			}
			match ride.state {
				RideState::Started => {}
				RideState::Accepted => {
					if !by_rider {
						return Err(Error::NotRider);
					}
					self.ensure_no_show_wait_over(&ride)?;
				}
				_ => return Err(Error::WrongState),
			}

			ride.state = RideState::Disputed;
			ride.disputed_by = Some(caller);
			self.rides.insert(id, &ride);
			self.env().emit_event(RideDisputed { id, by: caller, held: ride.escrow });
			Ok(())
		}

		/// The arbiter settles a disputed ride: `to_driver` (at most the escrow) goes to the
		/// driver, the rest back to the rider ([`DisputeResolved`]). No record is filed; both
		/// sides may then [`rate`](Self::rate) each other.
		///
		/// # Errors
		///
		/// [`Error::RideNotFound`], [`Error::NotArbiter`], [`Error::WrongState`] unless
		/// disputed, [`Error::InvalidAmount`] if more than the escrow,
		/// [`Error::TransferFailed`].
		#[ink(message)]
		pub fn resolve_dispute(&mut self, id: RideId, to_driver: Balance) -> Result<()> {
			let mut ride = self.load(id)?;
			let arbiter = self.env().caller();
			if arbiter != self.arbiter {
				return Err(Error::NotArbiter);
			}
			Self::ensure_state(&ride, RideState::Disputed)?;
			if to_driver > ride.escrow {
				return Err(Error::InvalidAmount);
			}

			let to_rider = self.settle(id, &mut ride, RideState::Resolved, to_driver)?;
			self.env().emit_event(DisputeResolved { id, arbiter, to_driver, to_rider });
			Ok(())
		}

		/// The ride `id`, if there is one.
		#[ink(message)]
		pub fn ride(&self, id: RideId) -> Option<Ride> {
			self.rides.get(id)
		}

		/// The service's terms.
		#[ink(message)]
		pub fn config(&self) -> Config {
			Config {
				arbiter: self.arbiter,
				min_driver_score: self.min_driver_score,
				cancellation_fee: self.cancellation_fee,
				no_show_wait: self.no_show_wait,
			}
		}

		/// The id the next request gets (= the number of rides requested so far).
		#[ink(message)]
		pub fn next_ride_id(&self) -> RideId {
			self.next_ride_id
		}

		/// The deal reference of the record of `kind` this service files for ride `id`:
		/// `rating` is `false` for the records filed when the ride is settled (completion,
		/// cancellation, no-show) and `true` for the records filed by ratings.
		#[ink(message)]
		pub fn deal_reference(&self, id: RideId, kind: RecordKind, rating: bool) -> [u8; 32] {
			self.deal_ref(id, kind, rating)
		}

		fn deal_ref(&self, id: RideId, kind: RecordKind, rating: bool) -> [u8; 32] {
			let contract = self.env().account_id();
			self.env().hash_encoded::<Blake2x256, _>(&(
				DEAL_DOMAIN,
				contract,
				id,
				kind.as_u8(),
				rating,
			))
		}

		/// Files a credit record; a refusal is reported as an event, never as an error.
		fn file_record(
			&self,
			id: RideId,
			subject: AccountId,
			kind: RecordKind,
			weight: u32,
			rating: bool,
		) {
			let deal = self.deal_ref(id, kind, rating);
			let filed =
				self.env().extension().file_credit_record(subject, kind.as_u8(), weight, deal);
			match filed {
				Ok(record_id) => self.env().emit_event(RecordFiled {
					id,
					subject,
					kind,
					weight,
					record_id,
					deal,
				}),
				Err(error) => {
					self.env().emit_event(RecordNotFiled { id, subject, kind, weight, error, deal })
				}
			}
		}

		/// Ends the ride in `state` and pays out its escrow: `to_driver` to the driver, the
		/// rest to the rider. The ride is stored before any transfer. Returns the refund.
		fn settle(
			&mut self,
			id: RideId,
			ride: &mut Ride,
			state: RideState,
			to_driver: Balance,
		) -> Result<Balance> {
			let to_rider = ride.escrow.checked_sub(to_driver).ok_or(Error::InvalidAmount)?;
			let driver = match ride.driver {
				Some(driver) => Some(driver),
				None if to_driver == 0 => None,
				None => return Err(Error::WrongState),
			};

			ride.state = state;
			ride.escrow = 0;
			ride.paid_to_driver = to_driver;
			ride.refunded_to_rider = to_rider;
			ride.settled_at = Some(self.env().block_number());
			self.rides.insert(id, &*ride);
			if let Some(driver) = driver {
				self.pay(driver, to_driver)?;
			}
			self.pay(ride.rider, to_rider)?;
			Ok(to_rider)
		}

		fn pay(&self, to: AccountId, amount: Balance) -> Result<()> {
			if amount == 0 {
				return Ok(());
			}
			self.env().transfer(to, amount).map_err(|_| Error::TransferFailed)
		}

		/// The cancellation fee of a ride: the service's fee, at most the ride's maximum fare.
		fn fee_for(&self, ride: &Ride) -> Balance {
			core::cmp::min(self.cancellation_fee, ride.max_fare)
		}

		/// The block from which a ride accepted at `accepted_at` may be reported as a no-show.
		fn no_show_after(&self, accepted_at: BlockNumber) -> BlockNumber {
			accepted_at.saturating_add(self.no_show_wait)
		}

		fn ensure_no_show_wait_over(&self, ride: &Ride) -> Result<()> {
			let accepted_at = ride.accepted_at.ok_or(Error::WrongState)?;
			if self.env().block_number() < self.no_show_after(accepted_at) {
				return Err(Error::NoShowWaitNotOver);
			}
			Ok(())
		}

		fn load(&self, id: RideId) -> Result<Ride> {
			self.rides.get(id).ok_or(Error::RideNotFound)
		}

		fn ensure_state(ride: &Ride, state: RideState) -> Result<()> {
			if ride.state == state {
				Ok(())
			} else {
				Err(Error::WrongState)
			}
		}

		fn ensure_rider(&self, ride: &Ride) -> Result<AccountId> {
			let caller = self.env().caller();
			if caller == ride.rider {
				Ok(caller)
			} else {
				Err(Error::NotRider)
			}
		}

		fn ensure_driver(&self, ride: &Ride) -> Result<AccountId> {
			let caller = self.env().caller();
			if Some(caller) == ride.driver {
				Ok(caller)
			} else {
				Err(Error::NotDriver)
			}
		}
	}
}

#[cfg(test)]
mod tests;
