//! Types of the data-access pallet: data sets, grants, requests, groups and the access log.
//!
//! The types the runtime API returns ([`AccessCheck`], [`AccessDenied`], [`GrantInfo`],
//! [`AccessPage`], [`AccessRecord`], [`AccessEntry`], [`DataSetView`], [`DataSetInfo`],
//! [`Grantee`], [`DataSetStatus`]) also derive `serde` traits under `std`, so the node can hand
//! them out over JSON-RPC unchanged.
//!
//! Stored types that hold variable-length bytes are generic over the byte container: a
//! `BoundedVec<u8, _>` in storage and a plain `Vec<u8>` in the runtime API (both encode the
//! same way). The exception is the purpose of an [`AccessEntry`]: a [`LoggedPurpose`] in
//! storage (the bytes, or a reference to the log entry holding them), its bytes in the API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Identifier of a data set: a global counter, starting at 0.
pub type DataSetId = u64;

/// Identifier of a group: a global counter, starting at 0.
pub type GroupId = u64;

/// Identifier of an access request: a global counter, starting at 0.
pub type RequestId = u64;

/// Number of entries in one page of the access-log queries (and the runtime API).
pub const ACCESS_PAGE_SIZE: u32 = 50;

/// Length in bytes of an envelope in the `sharechain-envelope` v1 format (version byte,
/// ephemeral X25519 public key, nonce, sealed 32-byte key and tag: `1 + 32 + 12 + 32 + 16`).
///
/// The pallet stores envelopes as opaque bytes of at most `MaxEnvelopeLength`; the pallet's
/// `integrity_test` requires `MaxEnvelopeLength >= SEALED_ENVELOPE_LEN` so that the helper's
/// envelopes always fit.
pub const SEALED_ENVELOPE_LEN: u32 = 93;

/// Who a grant is for: one account, or every member of a group.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Grantee<AccountId> {
	/// A single account.
	#[codec(index = 0)]
	Account(AccountId),
	/// The members of a group, at the time of each access.
	#[codec(index = 1)]
	Group(GroupId),
}

/// Lifecycle of a data set.
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
pub enum DataSetStatus {
	/// Grants can be given and used.
	#[codec(index = 0)]
	Active,
	/// Retired by its owner: no grants, no accesses, deposit released. Final.
	#[codec(index = 1)]
	Retired,
}

/// The part of a data set that every access reads: small and of fixed size.
///
/// The variable-length description (location and metadata) lives apart, in [`Details`], so
/// that `record_access` neither reads nor proves it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DataSetInfo<AccountId, Balance, BlockNumber> {
	/// The owner: registers, prices, grants, revokes, rotates and retires.
	pub owner: AccountId,
	/// keccak-256 of the current encrypted payload.
	pub digest: [u8; 32],
	/// Paid by the accessor to the owner on every access.
	pub price: Balance,
	/// Active or retired.
	pub status: DataSetStatus,
	/// Number of grants (direct and group) currently stored for the data set.
	pub grants: u32,
	/// Number of accesses ever recorded: the length of the data set's access log.
	pub accesses: u32,
	/// The deposit held from the owner while the data set is active (zero once retired).
	pub deposit: Balance,
	/// Block in which the data set was registered.
	pub registered_at: BlockNumber,
}

/// The variable-length description of a data set. Removed when the data set is retired.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Details<Location, Metadata> {
	/// Where the encrypted payload can be fetched (a URL, a content address, ...).
	pub location: Location,
	/// Free-form description (schema, format, licence, ...), by convention UTF-8 or JSON.
	pub metadata: Metadata,
}

/// A grant of access to one data set, without its key envelope (stored apart).
///
/// Layout change (no migration: the chain runs from genesis): `purpose_entry` was added so that
/// the access log stores the grant's purpose once per grant instead of once per access.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Grant<BlockNumber, Purpose> {
	/// What the grantee may use the data for.
	pub purpose: Purpose,
	/// First block in which the grant no longer works; `None`: never expires.
	pub expiry: Option<BlockNumber>,
	/// Accesses left; `None`: unlimited. For a group grant the uses are shared by the members.
	pub uses_left: Option<u32>,
	/// Block in which the grant was given.
	pub granted_at: BlockNumber,
	/// Index, in the data set's access log, of the entry that holds this grant's purpose
	/// inline ([`LoggedPurpose::Inline`]): set by the first access that logs the grant's
	/// purpose; later such accesses log [`LoggedPurpose::SameAs`] this index. `None` until then.
	pub purpose_entry: Option<u32>,
}

impl<BlockNumber: PartialOrd, Purpose> Grant<BlockNumber, Purpose> {
	/// Whether the grant has expired at block `now` (access is allowed while `now < expiry`).
	pub fn is_expired_at(&self, now: &BlockNumber) -> bool {
		self.expiry.as_ref().is_some_and(|expiry| now >= expiry)
	}

	/// Whether the grant has no uses left.
	pub fn is_used_up(&self) -> bool {
		self.uses_left == Some(0)
	}
}

/// A would-be reader's request for access, waiting for the owner.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Request<AccountId, Balance, BlockNumber, Purpose> {
	/// The account asking; it becomes the grantee on approval.
	pub requester: AccountId,
	/// The data set asked for.
	pub dataset_id: DataSetId,
	/// What the requester wants the data for; becomes the grant's purpose.
	pub purpose: Purpose,
	/// The requester's X25519 public key, to seal the data key to on approval.
	pub encryption_key: [u8; 32],
	/// The deposit held from the requester until the request is closed.
	pub deposit: Balance,
	/// Block in which the request was filed.
	pub requested_at: BlockNumber,
}

/// A group of accounts (e.g. the members of a consortium) that can be granted access as one.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct GroupInfo<AccountId, Balance> {
	/// The account that manages the members and the group key.
	pub admin: AccountId,
	/// The group's X25519 public key: owners seal the data key of a group grant to it, and the
	/// admin hands the key on to the members off-chain.
	pub encryption_key: [u8; 32],
	/// Number of members.
	pub members: u32,
	/// The deposit held from the admin until the group is disbanded.
	pub deposit: Balance,
}

/// One entry of a data set's access log.
///
/// The runtime API returns it with the purpose bytes (`Purpose = Vec<u8>`); in storage the
/// purpose is a [`LoggedPurpose`], resolved to its bytes when read.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccessEntry<AccountId, Balance, BlockNumber, Purpose> {
	/// The account that accessed the data.
	pub accessor: AccountId,
	/// The group under whose grant it accessed, or `None` for a direct grant.
	pub via_group: Option<GroupId>,
	/// Block of the access.
	pub block: BlockNumber,
	/// The purpose declared for this access (the grant's purpose if none was given).
	pub purpose: Purpose,
	/// The price paid to the owner.
	pub price: Balance,
}

/// The purpose of an access as stored in the access log.
///
/// Layout change (no migration: the chain runs from genesis): the log used to store the purpose
/// bytes in every entry. Accesses under a grant's own purpose (no purpose declared, or the
/// grant's purpose declared again) now store them once per grant and refer to that entry.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub enum LoggedPurpose<Purpose> {
	/// The purpose bytes, stored in this entry.
	#[codec(index = 0)]
	Inline(Purpose),
	/// The same purpose as the entry with this index in the same data set's log, which is
	/// earlier and holds its purpose [`Inline`](LoggedPurpose::Inline) (the grant's purpose,
	/// see [`Grant::purpose_entry`]). Log entries are never deleted, so the reference stays
	/// valid after the grant is revoked or the data set retired.
	#[codec(index = 1)]
	SameAs(u32),
}

/// Why an account cannot access a data set now. Mirrors the errors of `record_access`.
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
pub enum AccessDenied {
	/// No data set has this id.
	#[codec(index = 0)]
	UnknownDataSet,
	/// The data set is retired.
	#[codec(index = 1)]
	DataSetRetired,
	/// Neither a direct grant nor a grant to a group the account is a member of (never
	/// granted, or revoked).
	#[codec(index = 2)]
	NoGrant,
	/// The applicable grant has expired.
	#[codec(index = 3)]
	GrantExpired,
	/// The applicable grant has no uses left.
	#[codec(index = 4)]
	NoUsesLeft,
	/// The account cannot pay the price and keep its existential deposit.
	#[codec(index = 5)]
	InsufficientBalance,
}

/// The answer of `can_access`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum AccessCheck<AccountId, Balance, BlockNumber> {
	/// `record_access` would succeed now under `grantee`'s grant: pass `via_group = None` for
	/// an account grantee, `Some(group)` for a group grantee.
	#[codec(index = 0)]
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	Allowed {
		/// The grantee whose grant applies (the account itself, or one of its groups).
		grantee: Grantee<AccountId>,
		/// The price an access costs now.
		price: Balance,
		/// The grant's expiry.
		expiry: Option<BlockNumber>,
		/// The grant's uses left, before the access.
		uses_left: Option<u32>,
	},
	/// `record_access` would fail now.
	#[codec(index = 1)]
	Denied {
		/// Why.
		reason: AccessDenied,
	},
}

/// A grant as returned by the runtime API, with its key envelope.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct GrantInfo<AccountId, BlockNumber> {
	/// Who the grant is for.
	pub grantee: Grantee<AccountId>,
	/// What the grantee may use the data for.
	pub purpose: Vec<u8>,
	/// First block in which the grant no longer works; `None`: never.
	pub expiry: Option<BlockNumber>,
	/// Accesses left; `None`: unlimited.
	pub uses_left: Option<u32>,
	/// Block in which the grant was given.
	pub granted_at: BlockNumber,
	/// The data key sealed to the grantee's (or group's) public key.
	pub envelope: Vec<u8>,
}

/// An access-log entry with its position, as returned by the paged queries.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccessRecord<AccountId, Balance, BlockNumber> {
	/// The data set accessed.
	pub dataset_id: DataSetId,
	/// The entry's index in the data set's log.
	pub index: u32,
	/// The entry.
	pub entry: AccessEntry<AccountId, Balance, BlockNumber, Vec<u8>>,
}

/// One page of an access log (of a data set, or of an accessor), oldest first.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccessPage<AccountId, Balance, BlockNumber> {
	/// The page index, starting at 0.
	pub page: u32,
	/// Entries per page ([`ACCESS_PAGE_SIZE`]).
	pub page_size: u32,
	/// Total entries (all pages).
	pub total: u32,
	/// The entries of this page: at most `page_size`, empty past the last page.
	pub entries: Vec<AccessRecord<AccountId, Balance, BlockNumber>>,
}

/// A data set with its description, as returned by the runtime API.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DataSetView<AccountId, Balance, BlockNumber> {
	/// Owner, digest, price, status and counters.
	pub info: DataSetInfo<AccountId, Balance, BlockNumber>,
	/// Where the encrypted payload is; empty once retired.
	pub location: Vec<u8>,
	/// The description; empty once retired.
	pub metadata: Vec<u8>,
}
