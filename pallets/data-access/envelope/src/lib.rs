//! # Sharechain key envelopes
//!
//! Client-side helper for `pallet-data-access`: encrypt a payload with a random **data key**,
//! compute the digest registered on chain, and seal the data key to each grantee's X25519 public
//! key (the grant's *envelope*), so that only that grantee can open it. Nothing here runs in the
//! runtime: the pallet stores envelopes as opaque bytes.
//!
//! Primitives (no home-made crypto): X25519 (`x25519-dalek`), HKDF-SHA256 (`hkdf`, `sha2`),
//! ChaCha20-Poly1305 (`chacha20poly1305`, RFC 8439), keccak-256 (`sp-crypto-hashing`).
//!
//! ## Flow
//!
//! 1. The owner makes a [`DataKey`], encrypts the payload with [`encrypt_payload`], stores the
//!    result off-chain and registers its [`digest`] (keccak-256 of the *encrypted* payload)
//!    with `register_data_set`.
//! 2. For each grantee, the owner calls [`seal`] with the grantee's X25519 public key and a
//!    [`Binding`] to the data set id and digest, and passes the 93 bytes as the grant's
//!    envelope (`grant` or `approve_request`; for a group grant, seal to the group's key).
//! 3. The grantee reads its envelope (runtime API `grants`), [`open`]s it with its secret key,
//!    fetches the payload, checks its digest and decrypts it with [`decrypt_payload`].
//! 4. On key rotation the owner repeats 1 and 2 with a fresh data key for the remaining
//!    grantees and calls `rotate_key`. Old envelopes are bound to the old digest and keep
//!    opening only the old key, which does not decrypt the new payload.
//!
//! ## Envelope format, version 1 (93 bytes)
//!
//! | bytes | length | content |
//! | --- | --- | --- |
//! | `0` | 1 | version, `0x01` |
//! | `1..33` | 32 | `epk`: the sender's ephemeral X25519 public key (fresh for every envelope) |
//! | `33..45` | 12 | `nonce`: random ChaCha20-Poly1305 nonce |
//! | `45..77` | 32 | the data key, encrypted |
//! | `77..93` | 16 | the Poly1305 tag |
//!
//! Sealing to the recipient's public key `rpk`:
//!
//! ```text
//! shared = X25519(esk, rpk)                           (rejected if all zero: low-order key)
//! key    = HKDF-SHA256(salt = epk || rpk, ikm = shared, info = "sharechain-envelope-v1"), 32 bytes
//! aad    = 0x01 || dataset_id (u64, little endian, 8 bytes) || digest (32 bytes)      (41 bytes)
//! bytes 45..93 = ChaCha20-Poly1305(key, nonce).encrypt(data key, aad)
//! ```
//!
//! The recipient recomputes `shared` with its secret key and `epk`, then the same `key` and
//! `aad`. Opening fails ([`Error::Decryption`]) with another secret key, for another data set
//! or digest, or if any byte was changed; an unknown version byte gives
//! [`Error::UnsupportedVersion`] and any length but 93 [`Error::InvalidLength`].
//!
//! ## Payload format
//!
//! `nonce (12 random bytes) || ChaCha20-Poly1305(data key, nonce).encrypt(payload, aad = "")`,
//! i.e. the plaintext length plus [`PAYLOAD_OVERHEAD`] (28) bytes. The digest on chain is
//! `keccak-256` of these bytes.

use chacha20poly1305::{
	aead::{Aead, Payload},
	ChaCha20Poly1305, KeyInit, Nonce,
};
use hkdf::Hkdf;
use rand_core::{CryptoRng, OsRng, RngCore};
use sha2::Sha256;
use zeroize::Zeroizing;

use x25519_dalek::EphemeralSecret;
pub use x25519_dalek::{PublicKey, StaticSecret};

/// The envelope format version this crate writes and reads.
pub const VERSION: u8 = 1;

/// Length of a data key, of an X25519 key and of a digest.
pub const KEY_LEN: usize = 32;

/// Length of a ChaCha20-Poly1305 nonce.
pub const NONCE_LEN: usize = 12;

/// Length of a Poly1305 tag.
pub const TAG_LEN: usize = 16;

/// Length of a version-1 envelope: `1 + 32 + 12 + 32 + 16`.
pub const ENVELOPE_LEN: usize = 1 + KEY_LEN + NONCE_LEN + KEY_LEN + TAG_LEN;

/// Bytes an encrypted payload has on top of its plaintext: nonce and tag.
pub const PAYLOAD_OVERHEAD: usize = NONCE_LEN + TAG_LEN;

/// The HKDF `info` string of version 1.
pub const HKDF_INFO: &[u8] = b"sharechain-envelope-v1";

/// Offset of the ephemeral public key in an envelope.
const EPK_AT: usize = 1;
/// Offset of the nonce in an envelope.
const NONCE_AT: usize = EPK_AT + KEY_LEN;
/// Offset of the ciphertext (with its tag) in an envelope.
const CIPHERTEXT_AT: usize = NONCE_AT + NONCE_LEN;

/// Why sealing, opening or payload encryption failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Error {
	/// The envelope does not have the length of its version.
	#[error("envelope is {actual} bytes long, expected {expected}")]
	InvalidLength {
		/// The length of the format.
		expected: usize,
		/// The length given.
		actual: usize,
	},
	/// The envelope's version byte is not one this crate reads.
	#[error("unsupported envelope version {0}")]
	UnsupportedVersion(u8),
	/// A public key is of low order: the key exchange would give a known shared secret.
	#[error("public key of low order: no shared secret")]
	NonContributory,
	/// Authentication failed: wrong secret key, another data set or digest, or changed bytes.
	#[error("decryption failed: wrong key, wrong data set or digest, or tampered bytes")]
	Decryption,
	/// The cipher refused to encrypt (only for absurdly large inputs).
	#[error("encryption failed")]
	Encryption,
	/// An encrypted payload is shorter than a nonce and a tag.
	#[error("encrypted payload is {0} bytes long, shorter than a nonce and a tag")]
	PayloadTooShort(usize),
}

/// A 32-byte symmetric data key. Wiped from memory when dropped; its `Debug` output hides it.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
	/// A fresh random key from the operating system's generator.
	pub fn generate() -> Self {
		Self::generate_with(&mut OsRng)
	}

	/// A fresh random key from `rng`.
	pub fn generate_with<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
		let mut key = Zeroizing::new([0u8; KEY_LEN]);
		rng.fill_bytes(&mut key[..]);
		Self(key)
	}

	/// The key with these bytes.
	pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
		Self(Zeroizing::new(bytes))
	}

	/// The key's bytes.
	pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
		&self.0
	}
}

impl core::fmt::Debug for DataKey {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str("DataKey(..)")
	}
}

/// What an envelope is bound to: the data set and the digest of the payload its key encrypts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
	/// The data set's id on chain.
	pub dataset_id: u64,
	/// keccak-256 of the encrypted payload (the digest registered on chain).
	pub digest: [u8; 32],
}

impl Binding {
	/// The AEAD associated data: `VERSION || dataset_id (LE) || digest`.
	pub fn associated_data(&self) -> [u8; 1 + 8 + 32] {
		let mut aad = [0u8; 1 + 8 + 32];
		let (version, rest) = aad.split_at_mut(1);
		let (id, digest) = rest.split_at_mut(8);
		version.copy_from_slice(&[VERSION]);
		id.copy_from_slice(&self.dataset_id.to_le_bytes());
		digest.copy_from_slice(&self.digest);
		aad
	}
}

/// A fresh X25519 secret key (e.g. a grantee's or a group's), from the operating system's
/// generator. Its public key is `PublicKey::from(&secret)`.
pub fn generate_secret() -> StaticSecret {
	StaticSecret::random_from_rng(OsRng)
}

/// Seal `key` to `recipient` for `binding`, with randomness from the operating system.
///
/// # Errors
///
/// [`Error::NonContributory`] if `recipient` is a low-order point.
pub fn seal(
	key: &DataKey,
	recipient: &PublicKey,
	binding: &Binding,
) -> Result<[u8; ENVELOPE_LEN], Error> {
	seal_with_rng(key, recipient, binding, &mut OsRng)
}

/// Seal `key` to `recipient` for `binding`, with randomness from `rng`: 32 bytes for the
/// ephemeral secret key, then 12 for the nonce.
///
/// # Errors
///
/// [`Error::NonContributory`] if `recipient` is a low-order point.
pub fn seal_with_rng<R: RngCore + CryptoRng>(
	key: &DataKey,
	recipient: &PublicKey,
	binding: &Binding,
	rng: &mut R,
) -> Result<[u8; ENVELOPE_LEN], Error> {
	let ephemeral = EphemeralSecret::random_from_rng(&mut *rng);
	let ephemeral_public = PublicKey::from(&ephemeral);
	let mut nonce = [0u8; NONCE_LEN];
	rng.fill_bytes(&mut nonce);

	let shared = ephemeral.diffie_hellman(recipient);
	if !shared.was_contributory() {
		return Err(Error::NonContributory);
	}
	let cipher = envelope_cipher(shared.as_bytes(), &ephemeral_public, recipient)?;
	let aad = binding.associated_data();
	let sealed = cipher
		.encrypt(&Nonce::from(nonce), Payload { msg: key.as_bytes(), aad: &aad })
		.map_err(|_| Error::Encryption)?;

	let mut envelope = Vec::with_capacity(ENVELOPE_LEN);
	envelope.push(VERSION);
	envelope.extend_from_slice(ephemeral_public.as_bytes());
	envelope.extend_from_slice(&nonce);
	envelope.extend_from_slice(&sealed);
	envelope.try_into().map_err(|_| Error::Encryption)
}

/// Open `envelope` with the recipient's secret key, for `binding`.
///
/// # Errors
///
/// [`Error::UnsupportedVersion`], [`Error::InvalidLength`], [`Error::NonContributory`] (a
/// tampered ephemeral key) or [`Error::Decryption`] (wrong key, binding or bytes).
pub fn open(
	envelope: &[u8],
	recipient: &StaticSecret,
	binding: &Binding,
) -> Result<DataKey, Error> {
	let invalid_length = Error::InvalidLength { expected: ENVELOPE_LEN, actual: envelope.len() };
	let version = *envelope.first().ok_or(invalid_length)?;
	if version != VERSION {
		return Err(Error::UnsupportedVersion(version));
	}
	if envelope.len() != ENVELOPE_LEN {
		return Err(invalid_length);
	}
	let ephemeral_public = PublicKey::from(array::<KEY_LEN>(envelope, EPK_AT)?);
	let nonce = array::<NONCE_LEN>(envelope, NONCE_AT)?;
	let sealed = envelope.get(CIPHERTEXT_AT..).ok_or(invalid_length)?;

	let shared = recipient.diffie_hellman(&ephemeral_public);
	if !shared.was_contributory() {
		return Err(Error::NonContributory);
	}
	let cipher =
		envelope_cipher(shared.as_bytes(), &ephemeral_public, &PublicKey::from(recipient))?;
	let aad = binding.associated_data();
	let opened = Zeroizing::new(
		cipher
			.decrypt(&Nonce::from(nonce), Payload { msg: sealed, aad: &aad })
			.map_err(|_| Error::Decryption)?,
	);
	let key: [u8; KEY_LEN] = opened.as_slice().try_into().map_err(|_| Error::Decryption)?;
	Ok(DataKey::from_bytes(key))
}

/// keccak-256 of `encrypted_payload`: the digest to register on chain.
pub fn digest(encrypted_payload: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::keccak_256(encrypted_payload)
}

/// Encrypt `plaintext` with `key` and a random nonce: `nonce || ciphertext || tag`.
///
/// # Errors
///
/// [`Error::Encryption`] only for inputs beyond the cipher's limit (256 GiB).
pub fn encrypt_payload(key: &DataKey, plaintext: &[u8]) -> Result<Vec<u8>, Error> {
	encrypt_payload_with_rng(key, plaintext, &mut OsRng)
}

/// [`encrypt_payload`] with the nonce drawn from `rng`.
///
/// # Errors
///
/// [`Error::Encryption`] only for inputs beyond the cipher's limit (256 GiB).
pub fn encrypt_payload_with_rng<R: RngCore + CryptoRng>(
	key: &DataKey,
	plaintext: &[u8],
	rng: &mut R,
) -> Result<Vec<u8>, Error> {
	let mut nonce = [0u8; NONCE_LEN];
	rng.fill_bytes(&mut nonce);
	let cipher = payload_cipher(key)?;
	let ciphertext =
		cipher.encrypt(&Nonce::from(nonce), plaintext).map_err(|_| Error::Encryption)?;
	let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
	out.extend_from_slice(&nonce);
	out.extend_from_slice(&ciphertext);
	Ok(out)
}

/// Decrypt a payload made by [`encrypt_payload`] with `key`.
///
/// # Errors
///
/// [`Error::PayloadTooShort`], or [`Error::Decryption`] for another key or changed bytes.
pub fn decrypt_payload(key: &DataKey, encrypted: &[u8]) -> Result<Vec<u8>, Error> {
	if encrypted.len() < PAYLOAD_OVERHEAD {
		return Err(Error::PayloadTooShort(encrypted.len()));
	}
	let nonce = array::<NONCE_LEN>(encrypted, 0)?;
	let ciphertext = encrypted.get(NONCE_LEN..).ok_or(Error::PayloadTooShort(encrypted.len()))?;
	payload_cipher(key)?.decrypt(&Nonce::from(nonce), ciphertext).map_err(|_| Error::Decryption)
}

/// The envelope cipher: ChaCha20-Poly1305 keyed with
/// `HKDF-SHA256(salt = epk || rpk, ikm = shared, info = HKDF_INFO)`.
fn envelope_cipher(
	shared: &[u8; KEY_LEN],
	ephemeral_public: &PublicKey,
	recipient: &PublicKey,
) -> Result<ChaCha20Poly1305, Error> {
	let mut salt = [0u8; 2 * KEY_LEN];
	let (first, second) = salt.split_at_mut(KEY_LEN);
	first.copy_from_slice(ephemeral_public.as_bytes());
	second.copy_from_slice(recipient.as_bytes());
	let mut key = Zeroizing::new([0u8; KEY_LEN]);
	Hkdf::<Sha256>::new(Some(&salt[..]), shared)
		.expand(HKDF_INFO, &mut key[..])
		.map_err(|_| Error::Encryption)?;
	ChaCha20Poly1305::new_from_slice(&key[..]).map_err(|_| Error::Encryption)
}

fn payload_cipher(key: &DataKey) -> Result<ChaCha20Poly1305, Error> {
	ChaCha20Poly1305::new_from_slice(key.as_bytes()).map_err(|_| Error::Encryption)
}

/// The `N` bytes of `bytes` at `at`.
fn array<const N: usize>(bytes: &[u8], at: usize) -> Result<[u8; N], Error> {
	bytes
		.get(at..at.saturating_add(N))
		.and_then(|slice| slice.try_into().ok())
		.ok_or(Error::InvalidLength { expected: ENVELOPE_LEN, actual: bytes.len() })
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A deterministic generator for tests: 0, 1, 2, ... (wrapping). Not random at all.
	struct CountingRng(u8);

	impl RngCore for CountingRng {
		fn next_u32(&mut self) -> u32 {
			rand_core::impls::next_u32_via_fill(self)
		}

		fn next_u64(&mut self) -> u64 {
			rand_core::impls::next_u64_via_fill(self)
		}

		fn fill_bytes(&mut self, dest: &mut [u8]) {
			for byte in dest {
				*byte = self.0;
				self.0 = self.0.wrapping_add(1);
			}
		}

		fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
			self.fill_bytes(dest);
			Ok(())
		}
	}

	impl CryptoRng for CountingRng {}

	const BINDING: Binding = Binding { dataset_id: 42, digest: [0xd1; 32] };

	fn recipient() -> (StaticSecret, PublicKey) {
		let secret = StaticSecret::from([0x11; 32]);
		let public = PublicKey::from(&secret);
		(secret, public)
	}

	fn sealed() -> (DataKey, [u8; ENVELOPE_LEN], StaticSecret) {
		let key = DataKey::from_bytes([0x5a; 32]);
		let (secret, public) = recipient();
		let envelope = seal(&key, &public, &BINDING).expect("sealing to a valid key works");
		(key, envelope, secret)
	}

	#[test]
	fn round_trip() {
		let (key, envelope, secret) = sealed();
		assert_eq!(envelope.len(), 93);
		assert_eq!(ENVELOPE_LEN, 93);
		let opened = open(&envelope, &secret, &BINDING).expect("the recipient opens it");
		assert_eq!(opened.as_bytes(), key.as_bytes());
	}

	#[test]
	fn round_trip_with_generated_keys() {
		let key = DataKey::generate();
		let secret = generate_secret();
		let envelope = seal(&key, &PublicKey::from(&secret), &BINDING).expect("seals");
		let opened = open(&envelope, &secret, &BINDING).expect("opens");
		assert_eq!(opened.as_bytes(), key.as_bytes());
	}

	#[test]
	fn layout_is_version_ephemeral_key_nonce_ciphertext() {
		let key = DataKey::from_bytes([0x5a; 32]);
		let (secret, public) = recipient();
		let envelope = seal_with_rng(&key, &public, &BINDING, &mut CountingRng(0)).expect("seals");

		// The generator gave bytes 0..32 to the ephemeral secret, then 32..44 to the nonce.
		let ephemeral_secret: [u8; 32] = core::array::from_fn(|i| i as u8);
		let ephemeral_public = PublicKey::from(&StaticSecret::from(ephemeral_secret));
		let nonce: [u8; 12] = core::array::from_fn(|i| (32 + i) as u8);
		assert_eq!(envelope[0], VERSION);
		assert_eq!(&envelope[1..33], ephemeral_public.as_bytes());
		assert_eq!(&envelope[33..45], &nonce);
		assert_ne!(&envelope[45..77], key.as_bytes(), "the key is not in the clear");

		// The ciphertext is exactly ChaCha20-Poly1305 under the documented HKDF key and aad.
		let shared = StaticSecret::from(ephemeral_secret).diffie_hellman(&public);
		let mut salt = Vec::new();
		salt.extend_from_slice(ephemeral_public.as_bytes());
		salt.extend_from_slice(public.as_bytes());
		let mut aead_key = [0u8; 32];
		Hkdf::<Sha256>::new(Some(salt.as_slice()), shared.as_bytes())
			.expand(b"sharechain-envelope-v1", &mut aead_key)
			.expect("32 bytes is a valid HKDF-SHA256 output length");
		let mut aad = vec![1u8];
		aad.extend_from_slice(&42u64.to_le_bytes());
		aad.extend_from_slice(&[0xd1; 32]);
		let expected = ChaCha20Poly1305::new_from_slice(&aead_key)
			.expect("32-byte key")
			.encrypt(&Nonce::from(nonce), Payload { msg: &[0x5a; 32], aad: &aad })
			.expect("encrypts");
		assert_eq!(&envelope[45..], expected.as_slice());

		let opened = open(&envelope, &secret, &BINDING).expect("opens");
		assert_eq!(opened.as_bytes(), key.as_bytes());
	}

	#[test]
	fn every_envelope_is_different() {
		let key = DataKey::from_bytes([0x5a; 32]);
		let (_, public) = recipient();
		let first = seal(&key, &public, &BINDING).expect("seals");
		let second = seal(&key, &public, &BINDING).expect("seals");
		assert_ne!(first, second);
	}

	#[test]
	fn wrong_recipient_key_fails() {
		let (_, envelope, _) = sealed();
		let other = StaticSecret::from([0x22; 32]);
		assert_eq!(open(&envelope, &other, &BINDING).map(|_| ()), Err(Error::Decryption));
	}

	#[test]
	fn every_tampered_byte_fails() {
		let (_, envelope, secret) = sealed();
		for position in 0..ENVELOPE_LEN {
			for flip in [0x01u8, 0x80] {
				let mut tampered = envelope;
				tampered[position] ^= flip;
				let result = open(&tampered, &secret, &BINDING).map(|_| ());
				if position == 0 {
					assert_eq!(result, Err(Error::UnsupportedVersion(VERSION ^ flip)));
				} else {
					assert!(result.is_err(), "byte {position} flipped by {flip:#04x} still opens");
				}
			}
		}
	}

	#[test]
	fn wrong_associated_data_fails() {
		let (_, envelope, secret) = sealed();
		let other_data_set = Binding { dataset_id: 43, ..BINDING };
		let other_digest = Binding { digest: [0xd2; 32], ..BINDING };
		assert_eq!(open(&envelope, &secret, &other_data_set).map(|_| ()), Err(Error::Decryption));
		assert_eq!(open(&envelope, &secret, &other_digest).map(|_| ()), Err(Error::Decryption));
	}

	#[test]
	fn wrong_version_fails() {
		let (_, mut envelope, secret) = sealed();
		envelope[0] = 2;
		assert_eq!(
			open(&envelope, &secret, &BINDING).map(|_| ()),
			Err(Error::UnsupportedVersion(2))
		);
		envelope[0] = 0;
		assert_eq!(
			open(&envelope, &secret, &BINDING).map(|_| ()),
			Err(Error::UnsupportedVersion(0))
		);
	}

	#[test]
	fn wrong_length_fails() {
		let (_, envelope, secret) = sealed();
		let invalid = |actual: usize| -> Result<(), Error> {
			Err(Error::InvalidLength { expected: 93, actual })
		};
		assert_eq!(open(&[], &secret, &BINDING).map(|_| ()), invalid(0));
		assert_eq!(open(&envelope[..92], &secret, &BINDING).map(|_| ()), invalid(92));
		let mut longer = envelope.to_vec();
		longer.push(0);
		assert_eq!(open(&longer, &secret, &BINDING).map(|_| ()), invalid(94));
	}

	#[test]
	fn low_order_recipient_key_is_refused() {
		let key = DataKey::from_bytes([0x5a; 32]);
		let zero = PublicKey::from([0u8; 32]);
		assert_eq!(seal(&key, &zero, &BINDING).map(|_| ()), Err(Error::NonContributory));
	}

	#[test]
	fn low_order_ephemeral_key_is_refused() {
		let (_, mut envelope, secret) = sealed();
		envelope[1..33].copy_from_slice(&[0u8; 32]);
		assert_eq!(open(&envelope, &secret, &BINDING).map(|_| ()), Err(Error::NonContributory));
	}

	#[test]
	fn payload_round_trip_and_digest() {
		let key = DataKey::generate();
		let plaintext = b"ride history, 2024, anonymised".to_vec();
		let encrypted = encrypt_payload(&key, &plaintext).expect("encrypts");
		assert_eq!(encrypted.len(), plaintext.len() + PAYLOAD_OVERHEAD);
		assert_eq!(decrypt_payload(&key, &encrypted).expect("decrypts"), plaintext);
		assert_eq!(digest(&encrypted), sp_crypto_hashing::keccak_256(&encrypted));
		assert_ne!(encrypt_payload(&key, &plaintext).expect("encrypts"), encrypted);
	}

	#[test]
	fn payload_layout_is_nonce_then_ciphertext() {
		let key = DataKey::from_bytes([0x5a; 32]);
		let encrypted =
			encrypt_payload_with_rng(&key, b"data", &mut CountingRng(7)).expect("encrypts");
		let nonce: [u8; 12] = core::array::from_fn(|i| (7 + i) as u8);
		assert_eq!(&encrypted[..12], &nonce);
		let expected = ChaCha20Poly1305::new_from_slice(&[0x5a; 32])
			.expect("32-byte key")
			.encrypt(&Nonce::from(nonce), b"data".as_slice())
			.expect("encrypts");
		assert_eq!(&encrypted[12..], expected.as_slice());
	}

	#[test]
	fn payload_with_wrong_key_or_tampered_fails() {
		let key = DataKey::from_bytes([0x5a; 32]);
		let encrypted = encrypt_payload(&key, b"data").expect("encrypts");
		let other = DataKey::from_bytes([0x5b; 32]);
		assert_eq!(decrypt_payload(&other, &encrypted), Err(Error::Decryption));
		let mut tampered = encrypted.clone();
		tampered[12] ^= 1;
		assert_eq!(decrypt_payload(&key, &tampered), Err(Error::Decryption));
		assert_eq!(decrypt_payload(&key, &encrypted[..27]), Err(Error::PayloadTooShort(27)));
	}

	#[test]
	fn digest_is_keccak_256() {
		// keccak-256 of the empty string, as Ethereum tools compute it.
		let empty = [
			0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7,
			0x03, 0xc0, 0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04,
			0x5d, 0x85, 0xa4, 0x70,
		];
		assert_eq!(digest(&[]), empty);
	}

	#[test]
	fn debug_hides_the_key() {
		assert_eq!(format!("{:?}", DataKey::from_bytes([0x5a; 32])), "DataKey(..)");
	}

	#[test]
	fn errors_display() {
		assert_eq!(
			Error::InvalidLength { expected: 93, actual: 5 }.to_string(),
			"envelope is 5 bytes long, expected 93"
		);
		assert_eq!(Error::UnsupportedVersion(2).to_string(), "unsupported envelope version 2");
	}
}
