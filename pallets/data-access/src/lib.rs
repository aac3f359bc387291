//! # Data access pallet
//!
//! Share data and keep ownership: owners register encrypted data sets, grant and revoke access
//! with a key envelope per grantee, get paid on every access, and everyone can audit who read
//! what and when. The payload itself never touches the chain.
//!
//! ## Overview
//!
//! - A **data set** ([`DataSetInfo`] + [`Details`]) has an owner, the keccak-256 digest of its
//!   *encrypted* payload, an off-chain location, metadata, a price per access and a status
//!   ([`DataSetStatus::Active`] or [`DataSetStatus::Retired`]). Registering holds
//!   [`Config::DataSetDeposit`] from the owner.
//! - A **grant** ([`Grant`]) gives a [`Grantee`] (an account, or a group) access for a purpose,
//!   optionally until an expiry block (access is allowed while `now < expiry`) and for a number
//!   of uses (`None`: unlimited). Each grant has a **key envelope**: the data key sealed to the
//!   grantee's X25519 public key (format and helper: the `sharechain-envelope` crate, 93 bytes
//!   in its v1 format; the pallet stores it as opaque bytes of at most
//!   [`Config::MaxEnvelopeLength`]). A data set has at most [`Config::MaxGrantsPerDataSet`]
//!   grants, so that key rotation fits one call. The owner grants directly, or approves a
//!   **request**.
//! - A **request** ([`Request`]) is filed by a would-be reader with a purpose and its X25519
//!   public key, holding [`Config::RequestDeposit`] (anti-spam). The owner approves it (a grant
//!   to the requester with the request's purpose) or rejects it; the requester may cancel it.
//!   The deposit is released in all three cases. One open request per data set and requester.
//! - An **access** is recorded by the grantee with [`Call::record_access`]: it is checked, the
//!   price moves from the accessor to the owner, a use is consumed and an [`AccessEntry`] is
//!   appended to the data set's log (and indexed under the accessor), and
//!   [`Event::DataAccessed`] is emitted. The log stores a grant's purpose once, in the first
//!   entry that uses it, and later entries refer to that one ([`LoggedPurpose`]); the queries
//!   return every entry with its purpose bytes.
//! - **Revocation** ([`Call::revoke`]) deletes the grant and its envelope at once: later
//!   accesses fail with [`Error::NoGrant`]. No tombstone is kept (it would be storage that grows
//!   without a deposit); the revocation is on record as [`Event::GrantRevoked`]. **Key
//!   rotation** ([`Call::rotate_key`]) replaces the digest and the envelopes of all remaining
//!   grants in one call: after revoking, the owner re-encrypts the payload with a fresh data key
//!   and seals that key to the remaining grantees only. (The location should therefore be a
//!   stable locator whose content the owner replaces; the digest lets readers verify it.)
//! - **Groups** ([`GroupInfo`]), e.g. the members of a consortium: an admin creates one
//!   (holding [`Config::GroupDeposit`]) with the group's X25519 public key and manages its
//!   members (at most [`Config::MaxGroupMembers`]). A grant to [`Grantee::Group`] lets every
//!   current member access with `via_group = Some(group)`: the group grant's expiry applies and
//!   its **uses are shared** by all members. The envelope of a group grant is sealed to the
//!   *group's* key and the admin redistributes the data key to the members off-chain (one
//!   envelope per grant keeps rotation bounded by `MaxGrantsPerDataSet`, whatever the group
//!   sizes). A removed member loses on-chain access at once; since it may still hold the group
//!   secret, the admin should publish a new group key ([`Call::set_group_key`]) and owners
//!   rotate. A group can be disbanded (deposit released) once it has no members; grants to it
//!   then stay inert until the owners revoke them.
//! - **Retiring** a data set ([`Call::retire_data_set`]) is final: it removes the description,
//!   every grant and envelope, and releases the deposit. The small [`DataSetInfo`] (owner,
//!   digest, counters) and the access log stay forever, so the audit trail survives. Open
//!   requests for it can still be rejected or cancelled (deposits released), not approved.
//!
//! ## Access checks
//!
//! [`Call::record_access`] checks, in this order, each failure being a named error that changes
//! no state and moves no funds (everything is checked before the first write, the payment):
//!
//! 1. [`Error::UnknownDataSet`], [`Error::DataSetRetired`];
//! 2. [`Error::NoGrant`]: no grant for the caller (`via_group = None`) or for the group
//!    (`via_group = Some(group)`), e.g. never granted or revoked; [`Error::NotMember`] if the
//!    group has a grant but the caller is not a member;
//! 3. [`Error::GrantExpired`], then [`Error::NoUsesLeft`];
//! 4. [`Error::PriceAboveLimit`]: the current price exceeds the caller's `max_price` (protects
//!    grantees against a price raised just before their access);
//! 5. [`Error::PurposeTooLong`], [`Error::Overflow`];
//! 6. the payment `Currency::transfer(accessor, owner, price, Preserve)`, any failure of which
//!    is [`Error::InsufficientBalance`] (the accessor must keep its existential deposit). A zero
//!    price skips the transfer.
//!
//! The runtime API's `can_access` gives the same answer without dispatching (see
//! [`Pallet::can_access`]), including which grant applies.
//!
//! ## Storage and the cost of an access
//!
//! Hashers: `Twox64Concat` for ids and indexes the pallet assigns (callers cannot choose them),
//! `Blake2_128Concat` for accounts and grantees. Everything is bounded
//! (`MaxEncodedLen`), the access log grows by one entry per (paid, fee-bearing) access.
//!
//! The data set is split in two so that the hot path reads only fixed-size data: [`DataSets`]
//! (owner, digest, price, status, counters: 109 bytes) and [`DataSetDetails`] (location and
//! metadata: up to `MaxLocationLength + MaxMetadataLength` bytes), which no access reads. A
//! grant's envelope lives in [`Envelopes`], apart from the [`Grants`] entry an access reads and
//! rewrites. The log length is kept in [`DataSetInfo::accesses`], which the access already
//! reads and writes, instead of a separate counter.
//!
//! The access log stores a grant's purpose once per grant rather than once per access: the
//! first access under the grant's purpose (none declared, or the grant's declared again) stores
//! it inline ([`LoggedPurpose::Inline`]) and notes the entry's index in the grant
//! ([`Grant::purpose_entry`]); later ones store [`LoggedPurpose::SameAs`] that index (5 bytes
//! instead of up to `MaxPurposeLength + 2`). A purpose of the access's own is stored inline.
//! The queries resolve references, so they return the same entries as before. *Layout change
//! without a migration (the chain runs from genesis):* [`Grant`] gained `purpose_entry` and
//! [`AccessLog`] stores a [`LoggedPurpose`] instead of the purpose bytes.
//!
//! Storage touched by `record_access`, every item needed (the benchmark's worst case is a
//! group grant with limited uses, a price, and a declared purpose of `MaxPurposeLength` bytes
//! other than the grant's, by an accessor that already has an index):
//!
//! | item | r | w | why |
//! | --- | --- | --- | --- |
//! | `DataSets` | 1 | 1 | owner, price, status; bump `accesses` (the dense log index) |
//! | `Grants` | 1 | 0/1 | expiry, uses, purpose; written if uses are limited or to set `purpose_entry` |
//! | `GroupMembers` | 0/1 | 0 | membership, only with `via_group` (`contains_key`, no value) |
//! | `AccessesByCount` | 1 | 1 | the entry's position in the accessor's index, and its length |
//! | `System::Account` (accessor, owner) | 2 | 2 | the payment (skipped if the price is 0) |
//! | `AccessLog` | 0 | 1 | the audit entry |
//! | `AccessesBy` | 0 | 1 | "what did I read": the entry's `(data set, index)` under the accessor |
//!
//! plus `Balances::Transfer` (from the payment) and [`Event::DataAccessed`]. Nothing else is
//! read: the payment is `Currency::transfer` alone (no separate balance check), and no item of
//! this list can be folded into another. The log index must be dense per data set and the
//! accessor index dense per account (the paged queries return positions and totals), so each
//! needs its counter read, and the only per-account item read on both paths is
//! `AccessesByCount` (`GroupMembers` is per group and only read with `via_group`, the direct
//! grant is per data set).
//!
//! `pallet_balances::transfer_keep_alive` does the same payment (its benchmark charges r:1 w:1
//! for the destination; the signer's account is whitelisted, as the accessor's is here; it also
//! creates the destination account). On top of the payment an access reads four items the
//! benchmark has to fetch from the database (`DataSets`, `Grants`, `GroupMembers`,
//! `AccessesByCount`), writes five and emits one more event, with no iteration. The target is
//! an execution weight (benchmark base weight, without the database weights) of at most that of
//! `transfer_keep_alive` measured in the same run (`scripts/benchmark/pallets
//! pallet_data_access` prints both).
//!
//! ## Deposits
//!
//! | deposit | held from | released |
//! | --- | --- | --- |
//! | [`Config::DataSetDeposit`] | owner, on register | on retire |
//! | [`Config::RequestDeposit`] | requester, on request | on approve, reject or cancel |
//! | [`Config::GroupDeposit`] | admin, on create | on disband (group must be empty) |
//!
//! The amount held is stored with the item, so changing a constant never breaks a release.
//! Grants need no deposit of their own: there are at most `MaxGrantsPerDataSet` per data set
//! and the data set deposit covers them.
//!
//! ## Calls
//!
//! | index | call | origin |
//! | --- | --- | --- |
//! | 0 | [`register_data_set`](Call::register_data_set) | signed (becomes the owner) |
//! | 1 | [`update_price`](Call::update_price) | signed, owner |
//! | 2 | [`retire_data_set`](Call::retire_data_set) | signed, owner |
//! | 3 | [`grant`](Call::grant) | signed, owner |
//! | 4 | [`revoke`](Call::revoke) | signed, owner |
//! | 5 | [`rotate_key`](Call::rotate_key) | signed, owner |
//! | 6 | [`request_access`](Call::request_access) | signed |
//! | 7 | [`approve_request`](Call::approve_request) | signed, owner |
//! | 8 | [`reject_request`](Call::reject_request) | signed, owner |
//! | 9 | [`cancel_request`](Call::cancel_request) | signed, requester |
//! | 10 | [`record_access`](Call::record_access) | signed, grantee or group member |
//! | 11 | [`create_group`](Call::create_group) | signed (becomes the admin) |
//! | 12 | [`add_member`](Call::add_member) | signed, group admin |
//! | 13 | [`remove_member`](Call::remove_member) | signed, group admin |
//! | 14 | [`set_group_key`](Call::set_group_key) | signed, group admin |
//! | 15 | [`disband_group`](Call::disband_group) | signed, group admin |
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

use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use frame_support::{
	dispatch::DispatchResult,
	ensure,
	traits::{
		fungible::{self, Inspect as _, InspectHold as _, Mutate as _, MutateHold as _},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchError};

/// Balance of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A grantee of this runtime.
pub type GranteeOf<T> = Grantee<<T as frame_system::Config>::AccountId>;

/// A stored purpose.
pub type PurposeOf<T> = BoundedVec<u8, <T as Config>::MaxPurposeLength>;

/// A stored location.
pub type LocationOf<T> = BoundedVec<u8, <T as Config>::MaxLocationLength>;

/// Stored metadata.
pub type MetadataOf<T> = BoundedVec<u8, <T as Config>::MaxMetadataLength>;

/// A stored key envelope.
pub type EnvelopeOf<T> = BoundedVec<u8, <T as Config>::MaxEnvelopeLength>;

/// A stored data set (the fixed-size part).
pub type DataSetInfoOf<T> =
	DataSetInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A stored data set description.
pub type DetailsOf<T> = Details<LocationOf<T>, MetadataOf<T>>;

/// A stored grant.
pub type GrantOf<T> = Grant<BlockNumberFor<T>, PurposeOf<T>>;

/// A stored request.
pub type RequestOf<T> =
	Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, PurposeOf<T>>;

/// A stored group.
pub type GroupInfoOf<T> = GroupInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// A stored purpose of an access: the bytes, or a reference to the log entry holding them.
pub type LoggedPurposeOf<T> = LoggedPurpose<PurposeOf<T>>;

/// A stored access-log entry.
pub type AccessEntryOf<T> = AccessEntry<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	LoggedPurposeOf<T>,
>;

/// The answer of [`Pallet::can_access`].
pub type AccessCheckOf<T> =
	AccessCheck<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A grant as returned by the runtime API.
pub type GrantInfoOf<T> = GrantInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A page of the access log, as returned by the runtime API.
pub type AccessPageOf<T> =
	AccessPage<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A data set with its description, as returned by the runtime API.
pub type DataSetViewOf<T> =
	DataSetView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{dispatch::DispatchResultWithPostInfo, pallet_prelude::*};
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the data-access pallet.
	///
	/// The event type needs no declaration: the pallet macro bounds
	/// `frame_system::Config::RuntimeEvent` by `From<Event<Self>>`.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency prices are paid in and deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Deposit held from an owner for each active data set.
		#[pallet::constant]
		type DataSetDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from a requester for each open request.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from an admin for each group.
		#[pallet::constant]
		type GroupDeposit: Get<BalanceOf<Self>>;

		/// Maximum length of a data set's location, in bytes.
		#[pallet::constant]
		type MaxLocationLength: Get<u32>;

		/// Maximum length of a data set's metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLength: Get<u32>;

		/// Maximum length of a purpose (of a grant, request or access), in bytes.
		#[pallet::constant]
		type MaxPurposeLength: Get<u32>;

		/// Maximum length of a key envelope, in bytes. At least [`SEALED_ENVELOPE_LEN`].
		#[pallet::constant]
		type MaxEnvelopeLength: Get<u32>;

		/// Maximum number of grants of one data set (direct and group grants together).
		#[pallet::constant]
		type MaxGrantsPerDataSet: Get<u32>;

		/// Maximum number of members of one group.
		#[pallet::constant]
		type MaxGroupMembers: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Reasons for which this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an active data set.
		#[codec(index = 0)]
		DataSetDeposit,
		/// The deposit of an open access request.
		#[codec(index = 1)]
		RequestDeposit,
		/// The deposit of a group.
		#[codec(index = 2)]
		GroupDeposit,
	}

	/// The id the next registered data set gets. Greater than every existing data set id.
	#[pallet::storage]
	pub type NextDataSetId<T> = StorageValue<_, DataSetId, ValueQuery>;

	/// Every data set ever registered (fixed-size part). Never deleted: retired data sets stay
	/// for the audit trail.
	#[pallet::storage]
	pub type DataSets<T: Config> =
		StorageMap<_, Twox64Concat, DataSetId, DataSetInfoOf<T>, OptionQuery>;

	/// Location and metadata of each active data set (removed on retirement).
	#[pallet::storage]
	pub type DataSetDetails<T: Config> =
		StorageMap<_, Twox64Concat, DataSetId, DetailsOf<T>, OptionQuery>;

	/// The grants of each data set, by grantee. At most `MaxGrantsPerDataSet` per data set
	/// (counted in [`DataSetInfo::grants`]).
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DataSetId,
		Blake2_128Concat,
		GranteeOf<T>,
		GrantOf<T>,
		OptionQuery,
	>;

	/// The key envelope of each grant: exactly one per [`Grants`] entry.
	#[pallet::storage]
	pub type Envelopes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DataSetId,
		Blake2_128Concat,
		GranteeOf<T>,
		EnvelopeOf<T>,
		OptionQuery,
	>;

	/// The id the next access request gets.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Open access requests by id (removed when approved, rejected or cancelled).
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, RequestOf<T>, OptionQuery>;

	/// The open request of each `(data set, requester)`: at most one.
	#[pallet::storage]
	pub type OpenRequests<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DataSetId,
		Blake2_128Concat,
		T::AccountId,
		RequestId,
		OptionQuery,
	>;

	/// The id the next group gets.
	#[pallet::storage]
	pub type NextGroupId<T> = StorageValue<_, GroupId, ValueQuery>;

	/// Groups by id (removed when disbanded).
	#[pallet::storage]
	pub type Groups<T: Config> = StorageMap<_, Twox64Concat, GroupId, GroupInfoOf<T>, OptionQuery>;

	/// Members of each group: `(group, account)` exists iff `account` is a member. At most
	/// `MaxGroupMembers` per group (counted in [`GroupInfo::members`]).
	#[pallet::storage]
	pub type GroupMembers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, GroupId, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// The access log of each data set: `(data set, n)` is its `n`-th recorded access
	/// (`0 <= n < DataSetInfo::accesses`), oldest first. Never deleted.
	///
	/// The purpose is a [`LoggedPurpose`]: inline, or a reference to an earlier entry of the
	/// same log (layout changed from inline purpose bytes, without a migration: the chain runs
	/// from genesis).
	#[pallet::storage]
	pub type AccessLog<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DataSetId,
		Twox64Concat,
		u32,
		AccessEntryOf<T>,
		OptionQuery,
	>;

	/// Number of accesses each account recorded (the length of its [`AccessesBy`] index).
	#[pallet::storage]
	pub type AccessesByCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Index of the accesses of each account: `(account, n)` is the `(data set, log index)` of
	/// its `n`-th access (`0 <= n < AccessesByCount`), oldest first.
	#[pallet::storage]
	pub type AccessesBy<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u32,
		(DataSetId, u32),
		OptionQuery,
	>;

	/// Events of the data-access pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A data set was registered.
		DataSetRegistered {
			/// The new data set's id.
			dataset_id: DataSetId,
			/// Its owner.
			owner: T::AccountId,
			/// keccak-256 of the encrypted payload.
			digest: [u8; 32],
			/// Price per access.
			price: BalanceOf<T>,
			/// The deposit held from the owner.
			deposit: BalanceOf<T>,
		},
		/// The owner changed the price of a data set.
		PriceUpdated {
			/// The data set.
			dataset_id: DataSetId,
			/// The new price per access.
			price: BalanceOf<T>,
		},
		/// A data set was retired: its grants were removed and its deposit released.
		DataSetRetired {
			/// The data set.
			dataset_id: DataSetId,
			/// Number of grants removed.
			grants_removed: u32,
		},
		/// Access to a data set was granted (directly or by approving a request).
		AccessGranted {
			/// The data set.
			dataset_id: DataSetId,
			/// Who may access.
			grantee: GranteeOf<T>,
			/// The purpose of the grant.
			purpose: PurposeOf<T>,
			/// First block in which the grant no longer works, if any.
			expiry: Option<BlockNumberFor<T>>,
			/// Number of accesses allowed, if limited.
			uses: Option<u32>,
		},
		/// The owner revoked a grant; it no longer works.
		GrantRevoked {
			/// The data set.
			dataset_id: DataSetId,
			/// The former grantee.
			grantee: GranteeOf<T>,
		},
		/// The owner rotated the data key: new digest, new envelope for every grant.
		KeyRotated {
			/// The data set.
			dataset_id: DataSetId,
			/// keccak-256 of the re-encrypted payload.
			digest: [u8; 32],
			/// Number of envelopes replaced (all grants of the data set).
			envelopes: u32,
		},
		/// A would-be reader requested access.
		AccessRequested {
			/// The new request's id.
			request_id: RequestId,
			/// The data set.
			dataset_id: DataSetId,
			/// The requester.
			requester: T::AccountId,
			/// What the requester wants the data for.
			purpose: PurposeOf<T>,
		},
		/// The owner approved a request (an [`Event::AccessGranted`] follows).
		RequestApproved {
			/// The request.
			request_id: RequestId,
			/// The data set.
			dataset_id: DataSetId,
			/// The requester, now a grantee.
			requester: T::AccountId,
		},
		/// The owner rejected a request; the deposit was released.
		RequestRejected {
			/// The request.
			request_id: RequestId,
			/// The data set.
			dataset_id: DataSetId,
			/// The requester.
			requester: T::AccountId,
		},
		/// The requester cancelled its request; the deposit was released.
		RequestCancelled {
			/// The request.
			request_id: RequestId,
			/// The data set.
			dataset_id: DataSetId,
			/// The requester.
			requester: T::AccountId,
		},
		/// A grantee accessed a data set: the audit entry `(dataset_id, index)` was written and
		/// the price paid to the owner.
		DataAccessed {
			/// The data set.
			dataset_id: DataSetId,
			/// Index of the entry in the data set's access log.
			index: u32,
			/// The account that accessed.
			accessor: T::AccountId,
			/// The group whose grant was used, or `None` for a direct grant.
			via_group: Option<GroupId>,
			/// Block of the access.
			block: BlockNumberFor<T>,
			/// The purpose of this access.
			purpose: PurposeOf<T>,
			/// The price paid to the owner.
			price: BalanceOf<T>,
			/// Uses left on the grant after this access (`None`: unlimited).
			uses_left: Option<u32>,
		},
		/// A group was created.
		GroupCreated {
			/// The new group's id.
			group_id: GroupId,
			/// Its admin.
			admin: T::AccountId,
			/// The group's X25519 public key.
			encryption_key: [u8; 32],
			/// The deposit held from the admin.
			deposit: BalanceOf<T>,
		},
		/// An account joined a group.
		MemberAdded {
			/// The group.
			group_id: GroupId,
			/// The new member.
			member: T::AccountId,
		},
		/// An account left a group.
		MemberRemoved {
			/// The group.
			group_id: GroupId,
			/// The former member.
			member: T::AccountId,
		},
		/// The admin published a new group key.
		GroupKeyChanged {
			/// The group.
			group_id: GroupId,
			/// The new X25519 public key.
			encryption_key: [u8; 32],
		},
		/// A group was disbanded; the deposit was released.
		GroupDisbanded {
			/// The group.
			group_id: GroupId,
		},
	}

	/// Errors of the data-access pallet. Never reorder or remove variants: their index is part
	/// of the metadata.
	#[pallet::error]
	pub enum Error<T> {
		/// No data set has this id.
		UnknownDataSet,
		/// Only the data set's owner may do this.
		NotOwner,
		/// The data set is retired.
		DataSetRetired,
		/// The location is longer than `MaxLocationLength`.
		LocationTooLong,
		/// The metadata is longer than `MaxMetadataLength`.
		MetadataTooLong,
		/// The purpose is longer than `MaxPurposeLength`.
		PurposeTooLong,
		/// An envelope is longer than `MaxEnvelopeLength`.
		EnvelopeTooLong,
		/// The account cannot pay: the deposit cannot be held, or the price cannot be
		/// transferred while keeping the existential deposit.
		InsufficientBalance,
		/// A counter or id would overflow.
		Overflow,
		/// The data set already has `MaxGrantsPerDataSet` grants.
		TooManyGrants,
		/// The grantee already has a grant for this data set.
		AlreadyGranted,
		/// The expiry block is not after the current block.
		ExpiryInPast,
		/// A grant must allow at least one use (`None` for unlimited).
		ZeroUses,
		/// No group has this id.
		UnknownGroup,
		/// No grant applies: never granted, or revoked.
		NoGrant,
		/// The grant has expired.
		GrantExpired,
		/// The grant has no uses left.
		NoUsesLeft,
		/// The price is higher than the caller's `max_price`.
		PriceAboveLimit,
		/// More envelopes than `MaxGrantsPerDataSet` were given.
		TooManyEnvelopes,
		/// An envelope was given for a grantee without a grant on this data set.
		UnknownGrantee,
		/// Two envelopes were given for the same grantee.
		DuplicateGrantee,
		/// Some grant of the data set got no new envelope.
		EnvelopeMissing,
		/// No open request has this id.
		UnknownRequest,
		/// Only the requester may cancel its request.
		NotRequester,
		/// The account already has an open request for this data set.
		AlreadyRequested,
		/// Only the group's admin may do this.
		NotGroupAdmin,
		/// The group already has `MaxGroupMembers` members.
		TooManyMembers,
		/// The account is already a member of the group.
		AlreadyMember,
		/// The account is not a member of the group.
		NotMember,
		/// The group still has members.
		GroupNotEmpty,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxGrantsPerDataSet::get() > 0, "`MaxGrantsPerDataSet` must be at least 1");
			assert!(T::MaxGroupMembers::get() > 0, "`MaxGroupMembers` must be at least 1");
			assert!(
				T::MaxEnvelopeLength::get() >= SEALED_ENVELOPE_LEN,
				"`MaxEnvelopeLength` must fit a sealed envelope (`SEALED_ENVELOPE_LEN` bytes)"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a data set owned by the caller, holding `DataSetDeposit`.
		///
		/// - Origin: signed; becomes the owner.
		/// - `digest`: keccak-256 of the encrypted payload.
		/// - `location`: where the payload is, at most `MaxLocationLength` bytes.
		/// - `metadata`: its description, at most `MaxMetadataLength` bytes.
		/// - `price`: paid by the accessor to the owner on every access (may be zero).
		///
		/// Emits [`Event::DataSetRegistered`].
		///
		/// Errors: [`Error::LocationTooLong`], [`Error::MetadataTooLong`],
		/// [`Error::InsufficientBalance`], [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_data_set())]
		pub fn register_data_set(
			origin: OriginFor<T>,
			digest: [u8; 32],
			location: Vec<u8>,
			metadata: Vec<u8>,
			#[pallet::compact] price: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_data_set(owner, digest, location, metadata, price).map(|_| ())
		}

		/// Set the price per access of data set `dataset_id`. Applies to later accesses.
		///
		/// - Origin: signed by the owner.
		///
		/// Emits [`Event::PriceUpdated`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::NotOwner`], [`Error::DataSetRetired`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_price())]
		pub fn update_price(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			#[pallet::compact] price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_price(who, dataset_id, price)
		}

		/// Retire data set `dataset_id` for good: remove its description, grants and
		/// envelopes, and release the deposit. Its info and access log stay.
		///
		/// - Origin: signed by the owner.
		///
		/// Charged for `MaxGrantsPerDataSet` grants; the unused part is refunded.
		///
		/// Emits [`Event::DataSetRetired`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::NotOwner`], [`Error::DataSetRetired`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_data_set(T::MaxGrantsPerDataSet::get()))]
		pub fn retire_data_set(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let removed = Self::do_retire_data_set(who, dataset_id)?;
			Ok(Some(T::WeightInfo::retire_data_set(removed)).into())
		}

		/// Grant `grantee` access to data set `dataset_id`.
		///
		/// - Origin: signed by the owner.
		/// - `grantee`: an account, or a group (whose members then access under this grant).
		/// - `purpose`: what the grantee may use the data for, at most `MaxPurposeLength` bytes.
		/// - `expiry`: first block in which the grant no longer works (after the current block),
		///   or `None`.
		/// - `uses`: number of accesses allowed (at least 1), or `None` for unlimited. Shared by
		///   the members of a group.
		/// - `envelope`: the data key sealed to the grantee's (or group's) public key, at most
		///   `MaxEnvelopeLength` bytes.
		///
		/// Emits [`Event::AccessGranted`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::NotOwner`], [`Error::DataSetRetired`],
		/// [`Error::PurposeTooLong`], [`Error::EnvelopeTooLong`], [`Error::UnknownGroup`],
		/// [`Error::AlreadyGranted`], [`Error::TooManyGrants`], [`Error::ExpiryInPast`],
		/// [`Error::ZeroUses`], [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::grant())]
		pub fn grant(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			grantee: GranteeOf<T>,
			purpose: Vec<u8>,
			expiry: Option<BlockNumberFor<T>>,
			uses: Option<u32>,
			envelope: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_grant(who, dataset_id, grantee, purpose, expiry, uses, envelope)
		}

		/// Revoke the grant of `grantee` on data set `dataset_id`, at once. Rotate the key
		/// afterwards ([`Call::rotate_key`]) so the former grantee cannot open new envelopes.
		///
		/// - Origin: signed by the owner.
		///
		/// Emits [`Event::GrantRevoked`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::NotOwner`], [`Error::DataSetRetired`],
		/// [`Error::NoGrant`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			grantee: GranteeOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, dataset_id, grantee)
		}

		/// Rotate the data key of data set `dataset_id`: set the digest of the re-encrypted
		/// payload and replace the envelope of every grant.
		///
		/// - Origin: signed by the owner.
		/// - `digest`: keccak-256 of the payload encrypted with the new data key.
		/// - `envelopes`: exactly one `(grantee, envelope)` per grant of the data set (in any
		///   order), each envelope at most `MaxEnvelopeLength` bytes.
		///
		/// Emits [`Event::KeyRotated`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::NotOwner`], [`Error::DataSetRetired`],
		/// [`Error::TooManyEnvelopes`], [`Error::EnvelopeTooLong`], [`Error::UnknownGrantee`],
		/// [`Error::DuplicateGrantee`], [`Error::EnvelopeMissing`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::rotate_key(
			u32::try_from(envelopes.len()).unwrap_or(u32::MAX)
		))]
		pub fn rotate_key(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			digest: [u8; 32],
			envelopes: Vec<(GranteeOf<T>, Vec<u8>)>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rotate_key(who, dataset_id, digest, envelopes)
		}

		/// Request access to data set `dataset_id`, holding `RequestDeposit` until the request
		/// is approved, rejected or cancelled.
		///
		/// - Origin: signed; the would-be grantee.
		/// - `purpose`: what the data is wanted for, at most `MaxPurposeLength` bytes; becomes
		///   the grant's purpose on approval.
		/// - `encryption_key`: the caller's X25519 public key, for the owner to seal the data
		///   key to.
		///
		/// Emits [`Event::AccessRequested`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::DataSetRetired`],
		/// [`Error::PurposeTooLong`], [`Error::AlreadyGranted`], [`Error::AlreadyRequested`],
		/// [`Error::InsufficientBalance`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_access())]
		pub fn request_access(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			purpose: Vec<u8>,
			encryption_key: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_access(who, dataset_id, purpose, encryption_key).map(|_| ())
		}

		/// Approve request `request_id`: grant the requester access with the request's purpose
		/// and release its deposit.
		///
		/// - Origin: signed by the data set's owner.
		/// - `expiry`, `uses`, `envelope`: as in [`Call::grant`]; seal the envelope to the
		///   request's `encryption_key`.
		///
		/// Emits [`Event::RequestApproved`] and [`Event::AccessGranted`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::UnknownDataSet`], [`Error::NotOwner`],
		/// [`Error::DataSetRetired`], [`Error::EnvelopeTooLong`], [`Error::AlreadyGranted`],
		/// [`Error::TooManyGrants`], [`Error::ExpiryInPast`], [`Error::ZeroUses`],
		/// [`Error::Overflow`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::approve_request())]
		pub fn approve_request(
			origin: OriginFor<T>,
			request_id: RequestId,
			expiry: Option<BlockNumberFor<T>>,
			uses: Option<u32>,
			envelope: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_request(who, request_id, expiry, uses, envelope)
		}

		/// Reject request `request_id` and release its deposit. Also possible once the data
		/// set is retired.
		///
		/// - Origin: signed by the data set's owner.
		///
		/// Emits [`Event::RequestRejected`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::UnknownDataSet`], [`Error::NotOwner`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject_request())]
		pub fn reject_request(origin: OriginFor<T>, request_id: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_request(who, request_id)
		}

		/// Cancel the caller's request `request_id` and release its deposit.
		///
		/// - Origin: signed by the requester.
		///
		/// Emits [`Event::RequestCancelled`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::NotRequester`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_request())]
		pub fn cancel_request(origin: OriginFor<T>, request_id: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_request(who, request_id)
		}

		/// Record an access to data set `dataset_id`: pay its price to the owner, consume a use
		/// of the grant and append an entry to the access log. See the crate docs for the
		/// order of the checks.
		///
		/// - Origin: signed by a grantee, or by a member of a granted group.
		/// - `via_group`: `None` to use the caller's own grant, `Some(group)` to use the grant
		///   of a group the caller is a member of.
		/// - `max_price`: the most the caller agrees to pay; fails if the price is higher.
		/// - `purpose`: the purpose of this access (at most `MaxPurposeLength` bytes), or `None`
		///   to log the grant's purpose.
		///
		/// Emits [`Event::DataAccessed`].
		///
		/// Errors: [`Error::UnknownDataSet`], [`Error::DataSetRetired`], [`Error::NoGrant`],
		/// [`Error::NotMember`], [`Error::GrantExpired`], [`Error::NoUsesLeft`],
		/// [`Error::PriceAboveLimit`], [`Error::PurposeTooLong`], [`Error::Overflow`],
		/// [`Error::InsufficientBalance`].
		///
		/// Weight: `WeightInfo::record_access`, benchmarked on the heaviest path (a group grant
		/// with limited uses, a price, a declared purpose of `MaxPurposeLength` bytes other than
		/// the grant's). Storage, each item needed (see the crate docs):
		/// - `DataSets` r/w: owner, price and status; the log index `accesses` is bumped;
		/// - `Grants` r, w if its uses are limited or it notes the entry logging its purpose;
		/// - `GroupMembers` r (existence only), only with `via_group`;
		/// - `AccessesByCount` r/w: the entry's position in the accessor's index;
		/// - `System::Account` of the accessor and the owner r/w: the payment, if the price is
		///   not 0 (the accessor's is also read for the transaction fee; the benchmark
		///   whitelists it, as `pallet_balances` does for `transfer_keep_alive`);
		/// - `AccessLog` w: the entry; `AccessesBy` w: the entry under the accessor.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::record_access())]
		pub fn record_access(
			origin: OriginFor<T>,
			dataset_id: DataSetId,
			via_group: Option<GroupId>,
			#[pallet::compact] max_price: BalanceOf<T>,
			purpose: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_access(who, dataset_id, via_group, max_price, purpose).map(|_| ())
		}

		/// Create a group administered by the caller, holding `GroupDeposit`.
		///
		/// - Origin: signed; becomes the admin (not a member: the admin adds itself if it
		///   should access).
		/// - `encryption_key`: the group's X25519 public key, which owners seal group
		///   envelopes to.
		///
		/// Emits [`Event::GroupCreated`].
		///
		/// Errors: [`Error::InsufficientBalance`], [`Error::Overflow`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::create_group())]
		pub fn create_group(origin: OriginFor<T>, encryption_key: [u8; 32]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_group(who, encryption_key).map(|_| ())
		}

		/// Add `member` to group `group_id`.
		///
		/// - Origin: signed by the group's admin.
		///
		/// Emits [`Event::MemberAdded`].
		///
		/// Errors: [`Error::UnknownGroup`], [`Error::NotGroupAdmin`], [`Error::AlreadyMember`],
		/// [`Error::TooManyMembers`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			group_id: GroupId,
			member: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_member(who, group_id, member)
		}

		/// Remove `member` from group `group_id`; it can no longer access under the group's
		/// grants.
		///
		/// - Origin: signed by the group's admin.
		///
		/// Emits [`Event::MemberRemoved`].
		///
		/// Errors: [`Error::UnknownGroup`], [`Error::NotGroupAdmin`], [`Error::NotMember`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			group_id: GroupId,
			member: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_member(who, group_id, member)
		}

		/// Publish a new X25519 public key for group `group_id` (e.g. after removing a
		/// member). Owners then rotate their data keys to seal them to it.
		///
		/// - Origin: signed by the group's admin.
		///
		/// Emits [`Event::GroupKeyChanged`].
		///
		/// Errors: [`Error::UnknownGroup`], [`Error::NotGroupAdmin`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_group_key())]
		pub fn set_group_key(
			origin: OriginFor<T>,
			group_id: GroupId,
			encryption_key: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_group_key(who, group_id, encryption_key)
		}

		/// Disband group `group_id`, which must have no members, and release its deposit.
		/// Grants to it stay (inert) until the owners revoke them.
		///
		/// - Origin: signed by the group's admin.
		///
		/// Emits [`Event::GroupDisbanded`].
		///
		/// Errors: [`Error::UnknownGroup`], [`Error::NotGroupAdmin`], [`Error::GroupNotEmpty`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::disband_group())]
		pub fn disband_group(origin: OriginFor<T>, group_id: GroupId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_disband_group(who, group_id)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Register a data set owned by `owner` and return its id. See [`Call::register_data_set`].
	pub fn do_register_data_set(
		owner: T::AccountId,
		digest: [u8; 32],
		location: Vec<u8>,
		metadata: Vec<u8>,
		price: BalanceOf<T>,
	) -> Result<DataSetId, DispatchError> {
		let location: LocationOf<T> =
			location.try_into().map_err(|_| Error::<T>::LocationTooLong)?;
		let metadata: MetadataOf<T> =
			metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
		let dataset_id = NextDataSetId::<T>::get();
		let next_id = dataset_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::DataSetDeposit::get();
		Self::hold(HoldReason::DataSetDeposit, &owner, deposit)?;

		let info = DataSetInfo {
			owner: owner.clone(),
			digest,
			price,
			status: DataSetStatus::Active,
			grants: 0,
			accesses: 0,
			deposit,
			registered_at: frame_system::Pallet::<T>::block_number(),
		};
		DataSets::<T>::insert(dataset_id, info);
		DataSetDetails::<T>::insert(dataset_id, Details { location, metadata });
		NextDataSetId::<T>::put(next_id);
		Self::deposit_event(Event::DataSetRegistered { dataset_id, owner, digest, price, deposit });
		Ok(dataset_id)
	}

	/// Set the price of `dataset_id`. See [`Call::update_price`].
	pub fn do_update_price(
		who: T::AccountId,
		dataset_id: DataSetId,
		price: BalanceOf<T>,
	) -> DispatchResult {
		let mut info = Self::owned_active(&who, dataset_id)?;
		info.price = price;
		DataSets::<T>::insert(dataset_id, info);
		Self::deposit_event(Event::PriceUpdated { dataset_id, price });
		Ok(())
	}

	/// Retire `dataset_id` and return the number of grants removed. See
	/// [`Call::retire_data_set`].
	pub fn do_retire_data_set(
		who: T::AccountId,
		dataset_id: DataSetId,
	) -> Result<u32, DispatchError> {
		let mut info = Self::owned_active(&who, dataset_id)?;
		// At most `MaxGrantsPerDataSet` keys (`info.grants`); `take` only guards the bound.
		let grantees: Vec<GranteeOf<T>> = Grants::<T>::iter_key_prefix(dataset_id)
			.take(T::MaxGrantsPerDataSet::get() as usize)
			.collect();
		let removed = u32::try_from(grantees.len()).map_err(|_| Error::<T>::Overflow)?;

		Self::release(HoldReason::DataSetDeposit, &who, info.deposit)?;
		for grantee in &grantees {
			Grants::<T>::remove(dataset_id, grantee);
			Envelopes::<T>::remove(dataset_id, grantee);
		}
		DataSetDetails::<T>::remove(dataset_id);
		info.status = DataSetStatus::Retired;
		info.grants = 0;
		info.deposit = Zero::zero();
		DataSets::<T>::insert(dataset_id, info);
		Self::deposit_event(Event::DataSetRetired { dataset_id, grants_removed: removed });
		Ok(removed)
	}

	/// Grant `grantee` access to `dataset_id` by its owner `who`. See [`Call::grant`].
	pub fn do_grant(
		who: T::AccountId,
		dataset_id: DataSetId,
		grantee: GranteeOf<T>,
		purpose: Vec<u8>,
		expiry: Option<BlockNumberFor<T>>,
		uses: Option<u32>,
		envelope: Vec<u8>,
	) -> DispatchResult {
		let mut info = Self::owned_active(&who, dataset_id)?;
		let purpose: PurposeOf<T> = purpose.try_into().map_err(|_| Error::<T>::PurposeTooLong)?;
		let envelope: EnvelopeOf<T> =
			envelope.try_into().map_err(|_| Error::<T>::EnvelopeTooLong)?;
		if let Grantee::Group(group_id) = &grantee {
			ensure!(Groups::<T>::contains_key(group_id), Error::<T>::UnknownGroup);
		}
		let grant = Self::new_grant(&mut info, dataset_id, &grantee, purpose, expiry, uses)?;
		Self::insert_grant(dataset_id, info, grantee, grant, envelope);
		Ok(())
	}

	/// Revoke the grant of `grantee` on `dataset_id`. See [`Call::revoke`].
	pub fn do_revoke(
		who: T::AccountId,
		dataset_id: DataSetId,
		grantee: GranteeOf<T>,
	) -> DispatchResult {
		let mut info = Self::owned_active(&who, dataset_id)?;
		ensure!(Grants::<T>::contains_key(dataset_id, &grantee), Error::<T>::NoGrant);
		info.grants = info.grants.checked_sub(1).ok_or(Error::<T>::Overflow)?;

		Grants::<T>::remove(dataset_id, &grantee);
		Envelopes::<T>::remove(dataset_id, &grantee);
		DataSets::<T>::insert(dataset_id, info);
		Self::deposit_event(Event::GrantRevoked { dataset_id, grantee });
		Ok(())
	}

	/// Rotate the data key of `dataset_id`. See [`Call::rotate_key`].
	pub fn do_rotate_key(
		who: T::AccountId,
		dataset_id: DataSetId,
		digest: [u8; 32],
		envelopes: Vec<(GranteeOf<T>, Vec<u8>)>,
	) -> DispatchResult {
		let mut info = Self::owned_active(&who, dataset_id)?;
		ensure!(
			envelopes.len() <= T::MaxGrantsPerDataSet::get() as usize,
			Error::<T>::TooManyEnvelopes
		);

		// Validate every envelope before writing any: distinct grantees that all hold a grant.
		// With as many of them as there are grants, they cover every grant exactly once.
		let mut seen = BTreeSet::new();
		let mut replacements = Vec::with_capacity(envelopes.len());
		for (grantee, envelope) in envelopes {
			let envelope: EnvelopeOf<T> =
				envelope.try_into().map_err(|_| Error::<T>::EnvelopeTooLong)?;
			ensure!(Grants::<T>::contains_key(dataset_id, &grantee), Error::<T>::UnknownGrantee);
			ensure!(seen.insert(grantee.clone()), Error::<T>::DuplicateGrantee);
			replacements.push((grantee, envelope));
		}
		let replaced = u32::try_from(replacements.len()).map_err(|_| Error::<T>::Overflow)?;
		ensure!(replaced == info.grants, Error::<T>::EnvelopeMissing);

		info.digest = digest;
		DataSets::<T>::insert(dataset_id, info);
		for (grantee, envelope) in replacements {
			Envelopes::<T>::insert(dataset_id, grantee, envelope);
		}
		Self::deposit_event(Event::KeyRotated { dataset_id, digest, envelopes: replaced });
		Ok(())
	}

	/// File a request of `who` for `dataset_id` and return its id. See
	/// [`Call::request_access`].
	pub fn do_request_access(
		who: T::AccountId,
		dataset_id: DataSetId,
		purpose: Vec<u8>,
		encryption_key: [u8; 32],
	) -> Result<RequestId, DispatchError> {
		let info = DataSets::<T>::get(dataset_id).ok_or(Error::<T>::UnknownDataSet)?;
		ensure!(info.status == DataSetStatus::Active, Error::<T>::DataSetRetired);
		let purpose: PurposeOf<T> = purpose.try_into().map_err(|_| Error::<T>::PurposeTooLong)?;
		ensure!(
			!Grants::<T>::contains_key(dataset_id, Grantee::Account(who.clone())),
			Error::<T>::AlreadyGranted
		);
		ensure!(!OpenRequests::<T>::contains_key(dataset_id, &who), Error::<T>::AlreadyRequested);
		let request_id = NextRequestId::<T>::get();
		let next_id = request_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::RequestDeposit::get();
		Self::hold(HoldReason::RequestDeposit, &who, deposit)?;

		let request = Request {
			requester: who.clone(),
			dataset_id,
			purpose: purpose.clone(),
			encryption_key,
			deposit,
			requested_at: frame_system::Pallet::<T>::block_number(),
		};
		Requests::<T>::insert(request_id, request);
		OpenRequests::<T>::insert(dataset_id, &who, request_id);
		NextRequestId::<T>::put(next_id);
		Self::deposit_event(Event::AccessRequested {
			request_id,
			dataset_id,
			requester: who,
			purpose,
		});
		Ok(request_id)
	}

	/// Approve `request_id`. See [`Call::approve_request`].
	pub fn do_approve_request(
		who: T::AccountId,
		request_id: RequestId,
		expiry: Option<BlockNumberFor<T>>,
		uses: Option<u32>,
		envelope: Vec<u8>,
	) -> DispatchResult {
		let request = Requests::<T>::get(request_id).ok_or(Error::<T>::UnknownRequest)?;
		let dataset_id = request.dataset_id;
		let mut info = Self::owned_active(&who, dataset_id)?;
		let envelope: EnvelopeOf<T> =
			envelope.try_into().map_err(|_| Error::<T>::EnvelopeTooLong)?;
		let grantee = Grantee::Account(request.requester.clone());
		let purpose = request.purpose.clone();
		let grant = Self::new_grant(&mut info, dataset_id, &grantee, purpose, expiry, uses)?;

		Self::release(HoldReason::RequestDeposit, &request.requester, request.deposit)?;
		Requests::<T>::remove(request_id);
		OpenRequests::<T>::remove(dataset_id, &request.requester);
		Self::deposit_event(Event::RequestApproved {
			request_id,
			dataset_id,
			requester: request.requester,
		});
		Self::insert_grant(dataset_id, info, grantee, grant, envelope);
		Ok(())
	}

	/// Reject `request_id`. See [`Call::reject_request`].
	pub fn do_reject_request(who: T::AccountId, request_id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(request_id).ok_or(Error::<T>::UnknownRequest)?;
		let info = DataSets::<T>::get(request.dataset_id).ok_or(Error::<T>::UnknownDataSet)?;
		ensure!(info.owner == who, Error::<T>::NotOwner);

		Self::close_request(request_id, &request)?;
		Self::deposit_event(Event::RequestRejected {
			request_id,
			dataset_id: request.dataset_id,
			requester: request.requester,
		});
		Ok(())
	}

	/// Cancel `request_id` by its requester. See [`Call::cancel_request`].
	pub fn do_cancel_request(who: T::AccountId, request_id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(request_id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.requester == who, Error::<T>::NotRequester);

		Self::close_request(request_id, &request)?;
		Self::deposit_event(Event::RequestCancelled {
			request_id,
			dataset_id: request.dataset_id,
			requester: request.requester,
		});
		Ok(())
	}

	/// Record an access of `who` to `dataset_id` and return its index in the data set's log.
	/// See [`Call::record_access`].
	///
	/// Public so that other runtime code (e.g. the contracts chain extension) can record
	/// accesses on behalf of an account.
	pub fn do_record_access(
		who: T::AccountId,
		dataset_id: DataSetId,
		via_group: Option<GroupId>,
		max_price: BalanceOf<T>,
		purpose: Option<Vec<u8>>,
	) -> Result<u32, DispatchError> {
		let mut info = DataSets::<T>::get(dataset_id).ok_or(Error::<T>::UnknownDataSet)?;
		ensure!(info.status == DataSetStatus::Active, Error::<T>::DataSetRetired);
		let grantee = match via_group {
			None => Grantee::Account(who.clone()),
			Some(group_id) => Grantee::Group(group_id),
		};
		let mut grant = Grants::<T>::get(dataset_id, &grantee).ok_or(Error::<T>::NoGrant)?;
		if let Some(group_id) = via_group {
			ensure!(GroupMembers::<T>::contains_key(group_id, &who), Error::<T>::NotMember);
		}
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!grant.is_expired_at(&now), Error::<T>::GrantExpired);
		let uses_left = match grant.uses_left {
			Some(uses) => Some(uses.checked_sub(1).ok_or(Error::<T>::NoUsesLeft)?),
			None => None,
		};
		let price = info.price;
		ensure!(price <= max_price, Error::<T>::PriceAboveLimit);
		// A declared purpose other than the grant's; `None` for an access under the grant's.
		let declared: Option<PurposeOf<T>> = match purpose {
			Some(purpose) => {
				let purpose: PurposeOf<T> =
					purpose.try_into().map_err(|_| Error::<T>::PurposeTooLong)?;
				(purpose != grant.purpose).then_some(purpose)
			}
			None => None,
		};
		let index = info.accesses;
		info.accesses = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let by_index = AccessesByCount::<T>::get(&who);
		let by_count = by_index.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// The payment is the first write: if it fails, nothing has changed. `transfer` checks
		// the balance itself (no separate check reads the account before it).
		if !price.is_zero() {
			T::Currency::transfer(&who, &info.owner, price, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		DataSets::<T>::insert(dataset_id, info);

		// Under the grant's purpose, refer to the entry that logged it; if none has yet, this
		// entry logs it inline and the grant notes where.
		let under_grant_purpose = declared.is_none();
		let reference = if under_grant_purpose { grant.purpose_entry } else { None };
		let logs_grant_purpose = under_grant_purpose && reference.is_none();
		if logs_grant_purpose {
			grant.purpose_entry = Some(index);
		}
		if grant.uses_left.is_some() || logs_grant_purpose {
			grant.uses_left = uses_left;
			Grants::<T>::insert(dataset_id, &grantee, &grant);
		}

		// Move the purpose (no copy) into the entry if it is logged inline, else keep it for
		// the event; the entry is written by reference and then taken apart for the event.
		let purpose = declared.unwrap_or(grant.purpose);
		let (logged, mut purpose) = match reference {
			Some(source) => (LoggedPurpose::SameAs(source), purpose),
			None => (LoggedPurpose::Inline(purpose), PurposeOf::<T>::default()),
		};
		let entry = AccessEntry { accessor: who, via_group, block: now, purpose: logged, price };
		AccessLog::<T>::insert(dataset_id, index, &entry);
		AccessesBy::<T>::insert(&entry.accessor, by_index, (dataset_id, index));
		AccessesByCount::<T>::insert(&entry.accessor, by_count);
		let AccessEntry { accessor, purpose: logged, .. } = entry;
		if let LoggedPurpose::Inline(inline) = logged {
			purpose = inline;
		}
		Self::deposit_event(Event::DataAccessed {
			dataset_id,
			index,
			accessor,
			via_group,
			block: now,
			purpose,
			price,
			uses_left,
		});
		Ok(index)
	}

	/// Create a group administered by `who` and return its id. See [`Call::create_group`].
	pub fn do_create_group(
		who: T::AccountId,
		encryption_key: [u8; 32],
	) -> Result<GroupId, DispatchError> {
		let group_id = NextGroupId::<T>::get();
		let next_id = group_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::GroupDeposit::get();
		Self::hold(HoldReason::GroupDeposit, &who, deposit)?;

		Groups::<T>::insert(
			group_id,
			GroupInfo { admin: who.clone(), encryption_key, members: 0, deposit },
		);
		NextGroupId::<T>::put(next_id);
		Self::deposit_event(Event::GroupCreated { group_id, admin: who, encryption_key, deposit });
		Ok(group_id)
	}

	/// Add `member` to `group_id`. See [`Call::add_member`].
	pub fn do_add_member(
		who: T::AccountId,
		group_id: GroupId,
		member: T::AccountId,
	) -> DispatchResult {
		let mut group = Self::administered(&who, group_id)?;
		ensure!(!GroupMembers::<T>::contains_key(group_id, &member), Error::<T>::AlreadyMember);
		ensure!(group.members < T::MaxGroupMembers::get(), Error::<T>::TooManyMembers);
		group.members = group.members.checked_add(1).ok_or(Error::<T>::Overflow)?;

		GroupMembers::<T>::insert(group_id, &member, ());
		Groups::<T>::insert(group_id, group);
		Self::deposit_event(Event::MemberAdded { group_id, member });
		Ok(())
	}

	/// Remove `member` from `group_id`. See [`Call::remove_member`].
	pub fn do_remove_member(
		who: T::AccountId,
		group_id: GroupId,
		member: T::AccountId,
	) -> DispatchResult {
		let mut group = Self::administered(&who, group_id)?;
		ensure!(GroupMembers::<T>::contains_key(group_id, &member), Error::<T>::NotMember);
		group.members = group.members.checked_sub(1).ok_or(Error::<T>::Overflow)?;

		GroupMembers::<T>::remove(group_id, &member);
		Groups::<T>::insert(group_id, group);
		Self::deposit_event(Event::MemberRemoved { group_id, member });
		Ok(())
	}

	/// Set the key of `group_id`. See [`Call::set_group_key`].
	pub fn do_set_group_key(
		who: T::AccountId,
		group_id: GroupId,
		encryption_key: [u8; 32],
	) -> DispatchResult {
		let mut group = Self::administered(&who, group_id)?;
		group.encryption_key = encryption_key;
		Groups::<T>::insert(group_id, group);
		Self::deposit_event(Event::GroupKeyChanged { group_id, encryption_key });
		Ok(())
	}

	/// Disband `group_id`. See [`Call::disband_group`].
	pub fn do_disband_group(who: T::AccountId, group_id: GroupId) -> DispatchResult {
		let group = Self::administered(&who, group_id)?;
		ensure!(group.members == 0, Error::<T>::GroupNotEmpty);

		Self::release(HoldReason::GroupDeposit, &who, group.deposit)?;
		Groups::<T>::remove(group_id);
		Self::deposit_event(Event::GroupDisbanded { group_id });
		Ok(())
	}

	/// The data set `dataset_id` if `who` owns it and it is active.
	fn owned_active(
		who: &T::AccountId,
		dataset_id: DataSetId,
	) -> Result<DataSetInfoOf<T>, DispatchError> {
		let info = DataSets::<T>::get(dataset_id).ok_or(Error::<T>::UnknownDataSet)?;
		ensure!(info.owner == *who, Error::<T>::NotOwner);
		ensure!(info.status == DataSetStatus::Active, Error::<T>::DataSetRetired);
		Ok(info)
	}

	/// The group `group_id` if `who` is its admin.
	fn administered(
		who: &T::AccountId,
		group_id: GroupId,
	) -> Result<GroupInfoOf<T>, DispatchError> {
		let group = Groups::<T>::get(group_id).ok_or(Error::<T>::UnknownGroup)?;
		ensure!(group.admin == *who, Error::<T>::NotGroupAdmin);
		Ok(group)
	}

	/// A new grant for `grantee` on `dataset_id`, after checking it can be stored; counts it
	/// in `info` (which the caller stores with [`Self::insert_grant`]).
	fn new_grant(
		info: &mut DataSetInfoOf<T>,
		dataset_id: DataSetId,
		grantee: &GranteeOf<T>,
		purpose: PurposeOf<T>,
		expiry: Option<BlockNumberFor<T>>,
		uses: Option<u32>,
	) -> Result<GrantOf<T>, DispatchError> {
		ensure!(!Grants::<T>::contains_key(dataset_id, grantee), Error::<T>::AlreadyGranted);
		ensure!(info.grants < T::MaxGrantsPerDataSet::get(), Error::<T>::TooManyGrants);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(expiry) = expiry {
			ensure!(expiry > now, Error::<T>::ExpiryInPast);
		}
		ensure!(uses != Some(0), Error::<T>::ZeroUses);
		info.grants = info.grants.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ok(Grant { purpose, expiry, uses_left: uses, granted_at: now, purpose_entry: None })
	}

	/// Store a grant made by [`Self::new_grant`], its envelope and the data set counting it.
	fn insert_grant(
		dataset_id: DataSetId,
		info: DataSetInfoOf<T>,
		grantee: GranteeOf<T>,
		grant: GrantOf<T>,
		envelope: EnvelopeOf<T>,
	) {
		let event = Event::AccessGranted {
			dataset_id,
			grantee: grantee.clone(),
			purpose: grant.purpose.clone(),
			expiry: grant.expiry,
			uses: grant.uses_left,
		};
		Grants::<T>::insert(dataset_id, &grantee, grant);
		Envelopes::<T>::insert(dataset_id, &grantee, envelope);
		DataSets::<T>::insert(dataset_id, info);
		Self::deposit_event(event);
	}

	/// Release the deposit of `request` and remove it.
	fn close_request(request_id: RequestId, request: &RequestOf<T>) -> DispatchResult {
		Self::release(HoldReason::RequestDeposit, &request.requester, request.deposit)?;
		Requests::<T>::remove(request_id);
		OpenRequests::<T>::remove(request.dataset_id, &request.requester);
		Ok(())
	}

	/// Hold `amount` from `who` for `reason`; [`Error::InsufficientBalance`] if it cannot.
	fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let reason = T::RuntimeHoldReason::from(reason);
		ensure!(T::Currency::can_hold(&reason, who, amount), Error::<T>::InsufficientBalance);
		T::Currency::hold(&reason, who, amount)
	}

	/// Release `amount` held from `who` for `reason`.
	fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let reason = T::RuntimeHoldReason::from(reason);
		T::Currency::release(&reason, who, amount, Precision::BestEffort).map(|_| ())
	}

	/// Whether `who` can access `dataset_id` now, and under which grant. Backs the runtime
	/// API's `can_access`.
	///
	/// Mirrors [`Call::record_access`] with an unlimited `max_price` and no purpose: the direct
	/// grant is tried first, then the grants of the groups `who` is a member of (in storage
	/// order). The first usable grant is returned with the price; if none is usable, the
	/// reason is that of the direct grant if there is one, else of the first group grant `who`
	/// is a member of, else [`AccessDenied::NoGrant`]. Reads every grant of the data set: meant
	/// for queries, not for calls.
	pub fn can_access(dataset_id: DataSetId, who: &T::AccountId) -> AccessCheckOf<T> {
		let denied = |reason| AccessCheck::Denied { reason };
		let Some(info) = DataSets::<T>::get(dataset_id) else {
			return denied(AccessDenied::UnknownDataSet);
		};
		if info.status != DataSetStatus::Active {
			return denied(AccessDenied::DataSetRetired);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let direct = Grantee::Account(who.clone());
		let candidates = Grants::<T>::get(dataset_id, &direct)
			.map(|grant| (direct, grant))
			.into_iter()
			.chain(Grants::<T>::iter_prefix(dataset_id).filter(|(grantee, _)| match grantee {
				Grantee::Group(group_id) => GroupMembers::<T>::contains_key(group_id, who),
				Grantee::Account(_) => false,
			}));

		let mut first_reason = None;
		for (grantee, grant) in candidates {
			let reason = if grant.is_expired_at(&now) {
				AccessDenied::GrantExpired
			} else if grant.is_used_up() {
				AccessDenied::NoUsesLeft
			} else {
				let affordable = info.price.is_zero()
					|| T::Currency::reducible_balance(
						who,
						Preservation::Preserve,
						Fortitude::Polite,
					) >= info.price;
				if !affordable {
					return denied(AccessDenied::InsufficientBalance);
				}
				return AccessCheck::Allowed {
					grantee,
					price: info.price,
					expiry: grant.expiry,
					uses_left: grant.uses_left,
				};
			};
			if first_reason.is_none() {
				first_reason = Some(reason);
			}
		}
		denied(first_reason.unwrap_or(AccessDenied::NoGrant))
	}

	/// The grants of `dataset_id` with their envelopes (at most `MaxGrantsPerDataSet`, in
	/// storage order). Backs the runtime API's `grants`.
	pub fn grants_of(dataset_id: DataSetId) -> Vec<GrantInfoOf<T>> {
		Grants::<T>::iter_prefix(dataset_id)
			.map(|(grantee, grant)| {
				let envelope = Envelopes::<T>::get(dataset_id, &grantee).unwrap_or_default();
				GrantInfo {
					grantee,
					purpose: grant.purpose.into_inner(),
					expiry: grant.expiry,
					uses_left: grant.uses_left,
					granted_at: grant.granted_at,
					envelope: envelope.into_inner(),
				}
			})
			.collect()
	}

	/// The data set `dataset_id` with its description (empty once retired). Backs the runtime
	/// API's `data_set`.
	pub fn data_set(dataset_id: DataSetId) -> Option<DataSetViewOf<T>> {
		let info = DataSets::<T>::get(dataset_id)?;
		let (location, metadata) = DataSetDetails::<T>::get(dataset_id)
			.map(|details| (details.location.into_inner(), details.metadata.into_inner()))
			.unwrap_or_default();
		Some(DataSetView { info, location, metadata })
	}

	/// Page `page` of the access log of `dataset_id`, oldest first ("who read my data").
	/// Backs the runtime API's `access_log`.
	pub fn access_log_page(dataset_id: DataSetId, page: u32) -> AccessPageOf<T> {
		let total = DataSets::<T>::get(dataset_id).map_or(0, |info| info.accesses);
		Self::page_of(page, total, |index| Some((dataset_id, index)))
	}

	/// Page `page` of the accesses recorded by `who`, oldest first ("what did I read").
	/// Backs the runtime API's `accesses_by`.
	pub fn accesses_by_page(who: &T::AccountId, page: u32) -> AccessPageOf<T> {
		Self::page_of(page, AccessesByCount::<T>::get(who), |n| AccessesBy::<T>::get(who, n))
	}

	fn page_of(
		page: u32,
		total: u32,
		position_at: impl Fn(u32) -> Option<(DataSetId, u32)>,
	) -> AccessPageOf<T> {
		let start = page.saturating_mul(ACCESS_PAGE_SIZE);
		let end = start.saturating_add(ACCESS_PAGE_SIZE).min(total);
		// Purposes logged by reference, each read once per page.
		let mut referenced: BTreeMap<(DataSetId, u32), Vec<u8>> = BTreeMap::new();
		let entries = (start..end)
			.filter_map(&position_at)
			.filter_map(|(dataset_id, index)| {
				let entry = AccessLog::<T>::get(dataset_id, index)?;
				let purpose = match entry.purpose {
					LoggedPurpose::Inline(purpose) => purpose.into_inner(),
					LoggedPurpose::SameAs(source) => referenced
						.entry((dataset_id, source))
						.or_insert_with(|| {
							Self::inline_purpose(dataset_id, source).unwrap_or_default()
						})
						.clone(),
				};
				Some(AccessRecord {
					dataset_id,
					index,
					entry: AccessEntry {
						accessor: entry.accessor,
						via_group: entry.via_group,
						block: entry.block,
						purpose,
						price: entry.price,
					},
				})
			})
			.collect();
		AccessPage { page, page_size: ACCESS_PAGE_SIZE, total, entries }
	}

	/// The purpose bytes that entry `index` of the access log of `dataset_id` holds inline, if
	/// the entry exists and does (the target of a [`LoggedPurpose::SameAs`] always does).
	fn inline_purpose(dataset_id: DataSetId, index: u32) -> Option<Vec<u8>> {
		match AccessLog::<T>::get(dataset_id, index)?.purpose {
			LoggedPurpose::Inline(purpose) => Some(purpose.into_inner()),
			LoggedPurpose::SameAs(_) => None,
		}
	}

	/// Check the pallet's invariants:
	///
	/// - data set ids are below [`NextDataSetId`]; an active data set has a description, a
	///   retired one has none, no grants and no deposit;
	/// - each data set's grant count equals its [`Grants`] entries (at most
	///   `MaxGrantsPerDataSet`), every grant has exactly one envelope (at most
	///   `MaxEnvelopeLength` bytes) and vice versa;
	/// - each data set's access log is dense (`0..accesses`); the accessor indexes are dense,
	///   point at log entries of that accessor, and together cover every entry exactly once;
	/// - a purpose logged by reference refers to an earlier entry of the same log that holds
	///   its purpose inline; a grant's `purpose_entry` is an entry of its data set's log that
	///   holds the grant's purpose inline;
	/// - requests have ids below [`NextRequestId`], belong to existing data sets and match
	///   [`OpenRequests`] one to one;
	/// - groups have ids below [`NextGroupId`], their member count equals their
	///   [`GroupMembers`] entries (at most `MaxGroupMembers`), and every member entry belongs to
	///   a group;
	/// - the deposits held from each account for each reason equal the sum of the deposits
	///   stored with its data sets, requests and groups.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		fn add<A: Ord, B: sp_runtime::traits::Saturating + Copy + Zero>(
			sums: &mut BTreeMap<A, B>,
			who: A,
			amount: B,
		) {
			let sum = sums.entry(who).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(amount);
		}

		let mut data_set_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut request_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut group_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();

		let next_dataset_id = NextDataSetId::<T>::get();
		let mut logged: u64 = 0;
		for (dataset_id, info) in DataSets::<T>::iter() {
			ensure!(dataset_id < next_dataset_id, "a data set id is not below NextDataSetId");
			let grants = Grants::<T>::iter_prefix(dataset_id).count();
			ensure!(grants == info.grants as usize, "a data set's grant count is wrong");
			ensure!(
				info.grants <= T::MaxGrantsPerDataSet::get(),
				"a data set has more than MaxGrantsPerDataSet grants"
			);
			ensure!(
				Envelopes::<T>::iter_prefix(dataset_id).count() == grants,
				"a data set's envelopes and grants differ in number"
			);
			for (grantee, grant) in Grants::<T>::iter_prefix(dataset_id) {
				ensure!(
					Envelopes::<T>::contains_key(dataset_id, &grantee),
					"a grant has no envelope"
				);
				if let Some(entry) = grant.purpose_entry {
					ensure!(entry < info.accesses, "a grant's purpose entry is beyond the log");
					ensure!(
						Self::inline_purpose(dataset_id, entry).as_deref()
							== Some(&grant.purpose[..]),
						"a grant's purpose entry does not hold its purpose"
					);
				}
			}
			match info.status {
				DataSetStatus::Active => {
					ensure!(
						DataSetDetails::<T>::contains_key(dataset_id),
						"an active data set has no details"
					);
					add(&mut data_set_deposits, info.owner.clone(), info.deposit);
				}
				DataSetStatus::Retired => {
					ensure!(
						!DataSetDetails::<T>::contains_key(dataset_id),
						"a retired data set has details"
					);
					ensure!(info.grants == 0, "a retired data set has grants");
					ensure!(info.deposit.is_zero(), "a retired data set holds a deposit");
				}
			}
			for index in 0..info.accesses {
				let entry =
					AccessLog::<T>::get(dataset_id, index).ok_or("an access log has a gap")?;
				if let LoggedPurpose::SameAs(source) = entry.purpose {
					ensure!(source < index, "a logged purpose refers to a later entry");
					ensure!(
						Self::inline_purpose(dataset_id, source).is_some(),
						"a logged purpose refers to an entry without an inline purpose"
					);
				}
			}
			ensure!(
				AccessLog::<T>::iter_prefix(dataset_id).count() == info.accesses as usize,
				"an access log has entries beyond its count"
			);
			logged = logged.saturating_add(u64::from(info.accesses));
		}
		for dataset_id in DataSetDetails::<T>::iter_keys() {
			ensure!(DataSets::<T>::contains_key(dataset_id), "details without a data set");
		}
		for (dataset_id, grantee, _) in Envelopes::<T>::iter() {
			ensure!(Grants::<T>::contains_key(dataset_id, &grantee), "an envelope without grant");
		}
		for (dataset_id, _, _) in Grants::<T>::iter() {
			ensure!(DataSets::<T>::contains_key(dataset_id), "a grant without a data set");
		}
		for (dataset_id, _, _) in AccessLog::<T>::iter() {
			ensure!(DataSets::<T>::contains_key(dataset_id), "a log entry without a data set");
		}

		let mut indexed: u64 = 0;
		for (who, count) in AccessesByCount::<T>::iter() {
			for n in 0..count {
				let (dataset_id, index) =
					AccessesBy::<T>::get(&who, n).ok_or("an accessor index has a gap")?;
				let entry = AccessLog::<T>::get(dataset_id, index)
					.ok_or("an accessor index points nowhere")?;
				ensure!(entry.accessor == who, "an accessor index points at another accessor");
			}
			ensure!(
				AccessesBy::<T>::iter_prefix(&who).count() == count as usize,
				"an accessor index has entries beyond its count"
			);
			indexed = indexed.saturating_add(u64::from(count));
		}
		ensure!(indexed == logged, "accessor indexes do not cover the access logs");

		let next_request_id = NextRequestId::<T>::get();
		let mut requests: usize = 0;
		for (request_id, request) in Requests::<T>::iter() {
			requests = requests.saturating_add(1);
			ensure!(request_id < next_request_id, "a request id is not below NextRequestId");
			ensure!(
				DataSets::<T>::contains_key(request.dataset_id),
				"a request for an unknown data set"
			);
			ensure!(
				OpenRequests::<T>::get(request.dataset_id, &request.requester) == Some(request_id),
				"OpenRequests does not point at a request"
			);
			add(&mut request_deposits, request.requester.clone(), request.deposit);
		}
		ensure!(
			OpenRequests::<T>::iter().count() == requests,
			"OpenRequests and Requests differ in size"
		);

		let next_group_id = NextGroupId::<T>::get();
		for (group_id, group) in Groups::<T>::iter() {
			ensure!(group_id < next_group_id, "a group id is not below NextGroupId");
			ensure!(
				GroupMembers::<T>::iter_prefix(group_id).count() == group.members as usize,
				"a group's member count is wrong"
			);
			ensure!(
				group.members <= T::MaxGroupMembers::get(),
				"a group has more than MaxGroupMembers members"
			);
			add(&mut group_deposits, group.admin.clone(), group.deposit);
		}
		for (group_id, _, _) in GroupMembers::<T>::iter() {
			ensure!(Groups::<T>::contains_key(group_id), "a member of an unknown group");
		}

		for (reason, sums) in [
			(HoldReason::DataSetDeposit, data_set_deposits),
			(HoldReason::RequestDeposit, request_deposits),
			(HoldReason::GroupDeposit, group_deposits),
		] {
			let reason = T::RuntimeHoldReason::from(reason);
			for (who, expected) in sums {
				ensure!(
					T::Currency::balance_on_hold(&reason, &who) == expected,
					"held deposits differ from the stored deposits"
				);
			}
		}
		Ok(())
	}
}
