//! ink! contracts on a node: `.contract` bundles built by `scripts/build-contracts`, dry-runs
//! over the `ContractsApi` runtime API, and `Contracts` extrinsics sized by those dry-runs.
//!
//! Dry-runs are raw `state_call`s (`ContractsApi_call`, `ContractsApi_instantiate`) with
//! SCALE-encoded arguments. Of the answer (pallet-contracts'
//! `ContractResult<Result<_, DispatchError>, Balance, EventRecord>`) only the prefix is decoded:
//! `gas_consumed`, `gas_required`, `storage_deposit`, `debug_message` and `result`; the trailing
//! `events` are ignored, so nothing here depends on the runtime's event types.
//!
//! Transactions are sized by their dry-run: [`call`] and [`instantiate`] dry-run first, then
//! submit with the dry-run's `gas_required` plus [`GAS_MARGIN_PERCENT`] and no storage deposit
//! limit (the runtime's default limit applies).
//!
//! ink! 5 conventions used throughout: message and constructor input is the 4-byte selector
//! followed by the SCALE-encoded arguments ([`selector_call`]); the output of a message is
//! `SCALE(Result<T, ink::LangError>)` where `T` is the message's return type
//! ([`DryRun::decode`]); a message returning `Err` sets the `REVERT` flag, so the extrinsic
//! fails with `Contracts::ContractReverted` and changes nothing.

use crate::chain::{Client, Config, Included};
use anyhow::{anyhow, bail, ensure, Context, Result};
use codec::{Decode, DecodeAll, Encode};
use std::{
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
};
use subxt::{
	dynamic::{self, At, Value},
	ext::scale_value::ValueDef,
	transactions::{DynamicPayload, Signer},
	utils::{AccountId32, H256},
};

/// Environment variable naming the directory that holds `<name>/<name>.contract`.
pub const CONTRACTS_DIR_ENV: &str = "SHARECHAIN_CONTRACTS_DIR";

/// The pallet's name in the runtime.
pub const PALLET: &str = "Contracts";

/// Per cent added to a dry-run's `gas_required` (both components) for the real transaction:
/// the transaction runs in a later block than the dry-run, and a contract may take a slightly
/// different path there.
pub const GAS_MARGIN_PERCENT: u64 = 10;

/// `ReturnFlags::REVERT` of `pallet-contracts-uapi`.
const FLAG_REVERT: u32 = 1;

/// The directory the `.contract` bundles are read from: `$SHARECHAIN_CONTRACTS_DIR`, else
/// `$CARGO_TARGET_DIR/ink`, else `$HOME/.cache/sharechain/target/ink` (where
/// `scripts/build-contracts` puts them).
pub fn contracts_dir() -> Result<PathBuf> {
	let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
	if let Some(dir) = set(CONTRACTS_DIR_ENV) {
		return Ok(PathBuf::from(dir));
	}
	if let Some(target) = set("CARGO_TARGET_DIR") {
		return Ok(PathBuf::from(target).join("ink"));
	}
	let home = set("HOME").context(
		"neither SHARECHAIN_CONTRACTS_DIR, CARGO_TARGET_DIR nor HOME is set: \
		 cannot find the contract bundles built by scripts/build-contracts",
	)?;
	Ok(PathBuf::from(home).join(".cache/sharechain/target/ink"))
}

/// A contract bundle (`<name>.contract`, written by cargo-contract): the WASM code and the
/// selectors of its constructors and messages, by label.
#[derive(Clone, Debug)]
pub struct ContractBundle {
	/// The contract's name (the bundle's file stem).
	pub name: String,
	/// Where the bundle was read from.
	pub path: PathBuf,
	/// The WASM code (`source.wasm`).
	pub wasm: Vec<u8>,
	/// `spec.constructors`: label and selector.
	pub constructors: Vec<(String, [u8; 4])>,
	/// `spec.messages`: label and selector.
	pub messages: Vec<(String, [u8; 4])>,
}

impl ContractBundle {
	/// Reads `<contracts_dir()>/<name>/<name>.contract`.
	///
	/// # Errors
	///
	/// If the bundle is missing (naming `scripts/build-contracts`, which builds it), unreadable
	/// or not a cargo-contract bundle with `source.wasm`.
	pub fn load(name: &str) -> Result<Self> {
		let path = contracts_dir()?.join(name).join(format!("{name}.contract"));
		if !path.exists() {
			bail!(
				"{} does not exist: build the contracts first with `scripts/build-contracts` \
				 (or `scripts/build-contracts {name}`), or point {CONTRACTS_DIR_ENV} at the \
				 directory holding {name}/{name}.contract",
				path.display()
			);
		}
		Self::load_from(&path)
	}

	/// Reads the bundle at `path`.
	///
	/// # Errors
	///
	/// If the file cannot be read or is not a cargo-contract bundle with `source.wasm`.
	pub fn load_from(path: &Path) -> Result<Self> {
		let text = std::fs::read_to_string(path)
			.with_context(|| format!("reading contract bundle {}", path.display()))?;
		let json: serde_json::Value = serde_json::from_str(&text)
			.with_context(|| format!("{} is not JSON", path.display()))?;
		let wasm = json["source"]["wasm"].as_str().with_context(|| {
			format!(
				"{} has no source.wasm: build it with `scripts/build-contracts` (a \
				 `.contract` bundle, not the `.json` metadata)",
				path.display()
			)
		})?;
		let wasm = decode_hex(wasm).with_context(|| format!("{}: source.wasm", path.display()))?;
		let selectors = |kind: &str| -> Result<Vec<(String, [u8; 4])>> {
			let entries = json["spec"][kind]
				.as_array()
				.with_context(|| format!("{}: spec.{kind} missing", path.display()))?;
			entries
				.iter()
				.map(|entry| -> Result<(String, [u8; 4])> {
					let label = entry["label"]
						.as_str()
						.with_context(|| format!("{}: spec.{kind}[].label", path.display()))?;
					let selector = entry["selector"]
						.as_str()
						.with_context(|| format!("{}: {label}.selector", path.display()))?;
					let selector: [u8; 4] =
						decode_hex(selector)?.try_into().map_err(|bytes: Vec<u8>| {
							anyhow!(
								"{}: selector of {label} has {} bytes",
								path.display(),
								bytes.len()
							)
						})?;
					Ok((label.to_string(), selector))
				})
				.collect()
		};
		let name = path
			.file_stem()
			.and_then(|stem| stem.to_str())
			.context("bundle file name is not UTF-8")?
			.to_string();
		Ok(Self {
			name,
			path: path.to_path_buf(),
			wasm,
			constructors: selectors("constructors")?,
			messages: selectors("messages")?,
		})
	}

	/// The selector of the constructor `label`.
	///
	/// # Errors
	///
	/// If the bundle has no constructor with that label.
	pub fn constructor(&self, label: &str) -> Result<[u8; 4]> {
		find_selector(&self.constructors, label)
			.with_context(|| format!("{} has no constructor `{label}`", self.name))
	}

	/// The selector of the message `label`.
	///
	/// # Errors
	///
	/// If the bundle has no message with that label.
	pub fn message(&self, label: &str) -> Result<[u8; 4]> {
		find_selector(&self.messages, label)
			.with_context(|| format!("{} has no message `{label}`", self.name))
	}
}

fn find_selector(entries: &[(String, [u8; 4])], label: &str) -> Option<[u8; 4]> {
	entries.iter().find(|(l, _)| l == label).map(|(_, selector)| *selector)
}

fn decode_hex(text: &str) -> Result<Vec<u8>> {
	Ok(hex::decode(text.strip_prefix("0x").unwrap_or(text))?)
}

/// The input of message `label`: its selector followed by `SCALE(args)`. Pass several
/// arguments as a tuple (`(to, amount)`), none as `()`.
///
/// # Panics
///
/// If `bundle` has no message `label` (a mistake in the test, not a chain behaviour).
pub fn selector_call(bundle: &ContractBundle, label: &str, args: impl Encode) -> Vec<u8> {
	let selector = bundle.message(label).unwrap_or_else(|e| panic!("{e:#}"));
	let mut data = selector.to_vec();
	args.encode_to(&mut data);
	data
}

/// An instantiated contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contract {
	/// The contract's account.
	pub address: AccountId32,
}

/// A weight as pallet-contracts encodes it (both components compact).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
struct Weight {
	#[codec(compact)]
	ref_time: u64,
	#[codec(compact)]
	proof_size: u64,
}

impl Weight {
	fn pair(self) -> (u64, u64) {
		(self.ref_time, self.proof_size)
	}
}

/// The storage deposit a dry-run would charge the origin, or refund to it
/// (`pallet_contracts::StorageDeposit<Balance>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
pub enum StorageDeposit {
	/// Refunded to the origin.
	Refund(u128),
	/// Charged to the origin.
	Charge(u128),
}

impl StorageDeposit {
	/// The charge as a signed amount: positive when charged, negative when refunded.
	pub fn signed(self) -> i128 {
		match self {
			Self::Charge(amount) => i128::try_from(amount).unwrap_or(i128::MAX),
			Self::Refund(amount) => -i128::try_from(amount).unwrap_or(i128::MAX),
		}
	}
}

/// `pallet_contracts::Code<Hash>`: the code to instantiate.
#[derive(Encode)]
enum Code {
	/// Upload this code.
	Upload(Vec<u8>),
}

/// The decoded prefix of a `ContractResult`.
#[derive(Decode)]
struct ResultPrefix {
	gas_consumed: Weight,
	gas_required: Weight,
	storage_deposit: StorageDeposit,
	debug_message: Vec<u8>,
}

/// `pallet_contracts::ExecReturnValue`.
#[derive(Decode)]
struct ExecReturnValue {
	flags: u32,
	data: Vec<u8>,
}

/// The outcome of a dry-run (`ContractsApi_call` or `ContractsApi_instantiate`).
#[derive(Clone, Debug)]
pub struct DryRun {
	/// Weight consumed, `(ref_time, proof_size)`.
	pub gas_consumed: (u64, u64),
	/// Weight needed as a gas limit for the call to succeed, `(ref_time, proof_size)`. This is
	/// the figure to compare contracts by.
	pub gas_required: (u64, u64),
	/// The storage deposit the call would charge (or refund to) the origin.
	pub storage_deposit: StorageDeposit,
	/// The contract returned with the `REVERT` flag (an ink! message returning `Err`, or a
	/// constructor returning `Err`): on chain the extrinsic fails with
	/// `Contracts::ContractReverted` and changes nothing.
	pub reverted: bool,
	/// The contract's return data (empty when `error` is set).
	pub data: Vec<u8>,
	/// The `DispatchError` when the call did not execute to a return (trap, out of gas, no
	/// such contract, ...): `Pallet::Variant` for module errors.
	pub error: Option<String>,
	/// The dry-run's debug buffer (ink! `debug_println!`, chain extension notes), if the
	/// runtime collects one.
	pub debug: String,
	/// The new contract's account (instantiation dry-runs that succeeded).
	pub instantiated: Option<AccountId32>,
}

impl DryRun {
	/// Decodes the return data of an ink! message: `Result<T, ink::LangError>`, where `T` is
	/// the message's return type (e.g. `Result<(), Error>` for a message returning
	/// `Result<()>`). The whole data must decode.
	///
	/// # Errors
	///
	/// If the call failed with a dispatch error, ink! answered a `LangError` (e.g. an unknown
	/// selector or undecodable arguments), or the data does not decode as `T`.
	pub fn decode<T: Decode>(&self) -> Result<T> {
		if let Some(error) = &self.error {
			bail!("the dry-run failed: {error}{}", self.debug_suffix());
		}
		let (tag, rest) = self.data.split_first().context("the contract returned no data")?;
		match *tag {
			0 => T::decode_all(&mut &rest[..]).with_context(|| {
				format!(
					"return data 0x{} does not decode as {}",
					hex::encode(&self.data),
					std::any::type_name::<T>()
				)
			}),
			1 => bail!(
				"ink! LangError 0x{} (1 = CouldNotReadInput: unknown selector or undecodable \
				 arguments)",
				hex::encode(rest)
			),
			_ => bail!("return data 0x{} is not a Result<_, LangError>", hex::encode(&self.data)),
		}
	}

	/// `self` if the call executed to a return (reverted or not), else the dispatch error.
	///
	/// # Errors
	///
	/// The dispatch error and the debug buffer.
	pub fn ensure_executed(&self) -> Result<&Self> {
		match &self.error {
			Some(error) => bail!("the dry-run failed: {error}{}", self.debug_suffix()),
			None => Ok(self),
		}
	}

	/// The gas limit to submit the call with: `gas_required` plus [`GAS_MARGIN_PERCENT`].
	pub fn gas_limit(&self) -> (u64, u64) {
		let (ref_time, proof_size) = self.gas_required;
		let margin = |w: u64| w.saturating_add(w.saturating_mul(GAS_MARGIN_PERCENT) / 100);
		(margin(ref_time), margin(proof_size))
	}

	fn debug_suffix(&self) -> String {
		if self.debug.is_empty() {
			String::new()
		} else {
			format!(" (debug: {})", self.debug)
		}
	}
}

/// Prints a dry-run's weights on one line (`[weight] <label>: ...`), for the performance note.
pub fn print_weight(label: &str, dry: &DryRun) {
	println!(
		"[weight] {label}: gas_required ref_time={} proof_size={}; gas_consumed ref_time={} \
		 proof_size={}; storage_deposit={:?}",
		dry.gas_required.0,
		dry.gas_required.1,
		dry.gas_consumed.0,
		dry.gas_consumed.1,
		dry.storage_deposit,
	);
}

/// Dry-runs a call of `contract` by `origin` sending `value` with input `call_data`
/// (`ContractsApi_call` at the best block, no gas limit, no storage deposit limit).
///
/// # Errors
///
/// If the RPC fails or its answer does not decode. A contract that reverts or traps is not an
/// error: see [`DryRun::reverted`] and [`DryRun::error`].
pub async fn dry_run_call(
	client: &Client,
	origin: &AccountId32,
	contract: &Contract,
	value: u128,
	call_data: &[u8],
) -> Result<DryRun> {
	let args = (
		origin.0,
		contract.address.0,
		value,
		Option::<Weight>::None,
		Option::<u128>::None,
		call_data.to_vec(),
	)
		.encode();
	let bytes = client
		.legacy
		.state_call("ContractsApi_call", Some(&args), None)
		.await
		.context("ContractsApi_call")?;
	decode_result(client, &bytes, false).await.context("decoding ContractsApi_call")
}

/// Dry-runs instantiating `code` by `origin` (`ContractsApi_instantiate` at the best block,
/// uploading the code, no gas limit, no storage deposit limit). `data` is the constructor's
/// selector and arguments.
///
/// # Errors
///
/// If the RPC fails or its answer does not decode.
pub async fn dry_run_instantiate(
	client: &Client,
	origin: &AccountId32,
	value: u128,
	code: &[u8],
	data: &[u8],
	salt: &[u8],
) -> Result<DryRun> {
	let args = (
		origin.0,
		value,
		Option::<Weight>::None,
		Option::<u128>::None,
		Code::Upload(code.to_vec()),
		data.to_vec(),
		salt.to_vec(),
	)
		.encode();
	let bytes = client
		.legacy
		.state_call("ContractsApi_instantiate", Some(&args), None)
		.await
		.context("ContractsApi_instantiate")?;
	decode_result(client, &bytes, true).await.context("decoding ContractsApi_instantiate")
}

/// Decodes the prefix of a `ContractResult` up to and including `result`.
async fn decode_result(client: &Client, bytes: &[u8], instantiate: bool) -> Result<DryRun> {
	let input = &mut &bytes[..];
	let prefix = ResultPrefix::decode(input)?;
	let mut dry = DryRun {
		gas_consumed: prefix.gas_consumed.pair(),
		gas_required: prefix.gas_required.pair(),
		storage_deposit: prefix.storage_deposit,
		reverted: false,
		data: Vec::new(),
		error: None,
		debug: String::from_utf8_lossy(&prefix.debug_message).into_owned(),
		instantiated: None,
	};
	match u8::decode(input)? {
		0 => {
			let value = ExecReturnValue::decode(input)?;
			dry.reverted = value.flags & FLAG_REVERT != 0;
			dry.data = value.data;
			if instantiate {
				dry.instantiated = Some(AccountId32(<[u8; 32]>::decode(input)?));
			}
		}
		1 => dry.error = Some(dispatch_error(client, input).await?),
		tag => bail!("result tag {tag} is neither Ok nor Err"),
	}
	Ok(dry)
}

/// Names a SCALE-encoded `sp_runtime::DispatchError` (module errors by the metadata).
async fn dispatch_error(client: &Client, input: &mut &[u8]) -> Result<String> {
	const VARIANTS: [&str; 15] = [
		"Other",
		"CannotLookup",
		"BadOrigin",
		"Module",
		"ConsumerRemaining",
		"NoProviders",
		"TooManyConsumers",
		"Token",
		"Arithmetic",
		"Transactional",
		"Exhausted",
		"Corruption",
		"Unavailable",
		"RootNotAllowed",
		"Trie",
	];
	const TOKEN: [&str; 10] = [
		"FundsUnavailable",
		"OnlyProvider",
		"BelowMinimum",
		"CannotCreate",
		"UnknownAsset",
		"Frozen",
		"Unsupported",
		"CannotCreateHold",
		"NotExpendable",
		"Blocked",
	];
	const ARITHMETIC: [&str; 3] = ["Underflow", "Overflow", "DivisionByZero"];
	let tag = u8::decode(input)?;
	let name = VARIANTS.get(usize::from(tag)).copied().unwrap_or("Unknown");
	let inner = |names: &[&str], input: &mut &[u8]| -> Result<String> {
		let index = u8::decode(input)?;
		Ok(format!("{name}::{}", names.get(usize::from(index)).copied().unwrap_or("?")))
	};
	Ok(match tag {
		3 => {
			let pallet = u8::decode(input)?;
			let error = <[u8; 4]>::decode(input)?;
			let at = client.at(client.best_hash().await?).await?;
			let metadata = at.metadata_ref();
			match metadata.pallet_by_error_index(pallet) {
				Some(p) => match p.error_variant_by_index(error[0]) {
					Some(variant) => format!("{}::{}", p.name(), variant.name),
					None => format!("{}::<error {}>", p.name(), error[0]),
				},
				None => format!("Module {{ index: {pallet}, error: {error:?} }}"),
			}
		}
		7 => inner(&TOKEN, input)?,
		8 => inner(&ARITHMETIC, input)?,
		_ => name.to_string(),
	})
}

/// A salt no other instantiation of this process uses.
fn unique_salt() -> Vec<u8> {
	static COUNTER: AtomicU64 = AtomicU64::new(0);
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos())
		.unwrap_or_default();
	(nanos, COUNTER.fetch_add(1, Ordering::Relaxed), std::process::id()).encode()
}

fn weight_value((ref_time, proof_size): (u64, u64)) -> Value {
	Value::named_composite([
		("ref_time", Value::u128(ref_time.into())),
		("proof_size", Value::u128(proof_size.into())),
	])
}

/// `Contracts::call(dest, value, gas_limit, storage_deposit_limit: None, data)`.
pub fn call_payload(
	contract: &Contract,
	value: u128,
	gas_limit: (u64, u64),
	call_data: &[u8],
) -> DynamicPayload<Vec<Value>> {
	dynamic::tx(
		PALLET,
		"call",
		vec![
			Value::unnamed_variant("Id", [Value::from_bytes(contract.address.0)]),
			Value::u128(value),
			weight_value(gas_limit),
			Value::unnamed_variant("None", []),
			Value::from_bytes(call_data),
		],
	)
}

/// `Contracts::instantiate_with_code(value, gas_limit, storage_deposit_limit: None, code,
/// data, salt)`.
pub fn instantiate_with_code_payload(
	value: u128,
	gas_limit: (u64, u64),
	code: &[u8],
	data: &[u8],
	salt: &[u8],
) -> DynamicPayload<Vec<Value>> {
	dynamic::tx(
		PALLET,
		"instantiate_with_code",
		vec![
			Value::u128(value),
			weight_value(gas_limit),
			Value::unnamed_variant("None", []),
			Value::from_bytes(code),
			Value::from_bytes(data),
			Value::from_bytes(salt),
		],
	)
}

/// Instantiates `bundle` with its constructor `constructor_label` (arguments `args_scale`,
/// already SCALE-encoded; a tuple's encoding for several), sending `value`, signed by `signer`
/// (the deployer). Dry-runs first and submits `Contracts::instantiate_with_code` with the
/// dry-run's gas (see [`GAS_MARGIN_PERCENT`]) and a fresh salt.
///
/// Returns the contract (from `Contracts::Instantiated`, checked against the dry-run's
/// address) and the transaction.
///
/// # Errors
///
/// If the dry-run fails or the constructor reverts (with its return data), or the
/// transaction fails.
pub async fn instantiate<S: Signer<Config>>(
	client: &Client,
	signer: &S,
	bundle: &ContractBundle,
	constructor_label: &str,
	args_scale: Vec<u8>,
	value: u128,
) -> Result<(Contract, Included)> {
	let mut data = bundle.constructor(constructor_label)?.to_vec();
	data.extend_from_slice(&args_scale);
	let salt = unique_salt();
	let deployer: AccountId32 = signer.account_id();
	let what = format!("{}::{constructor_label}", bundle.name);
	let dry = dry_run_instantiate(client, &deployer, value, &bundle.wasm, &data, &salt).await?;
	dry.ensure_executed().with_context(|| format!("instantiating {what}"))?;
	ensure!(
		!dry.reverted,
		"the constructor {what} reverted: return data 0x{}{}",
		hex::encode(&dry.data),
		dry.debug_suffix()
	);
	let expected = dry.instantiated.context("the instantiation dry-run returned no account")?;

	let payload = instantiate_with_code_payload(value, dry.gas_limit(), &bundle.wasm, &data, &salt);
	let included = client.submit(&payload, signer).await?;
	included.outcome.clone().map_err(|e| anyhow!("instantiating {what} failed: {e}"))?;
	let address = included
		.events
		.iter()
		.filter(|(pallet, event, _)| pallet == PALLET && event == "Instantiated")
		.filter(|(_, _, fields)| fields.at("deployer").and_then(account_of) == Some(deployer))
		.find_map(|(_, _, fields)| fields.at("contract").and_then(account_of))
		.with_context(|| format!("no Contracts::Instantiated event for {what}"))?;
	ensure!(
		address == expected,
		"{what} was instantiated at {address}, the dry-run said {expected}"
	);
	Ok((Contract { address }, included))
}

/// Calls `contract` as `signer`, sending `value`, with input `call_data`: dry-runs it, then
/// submits `Contracts::call` with the dry-run's gas (see [`DryRun::gas_limit`]) and no storage
/// deposit limit. Returns the transaction and the dry-run (its weights are the call's cost).
///
/// A dry-run that reverts is still submitted (the transaction then fails with
/// `Contracts::ContractReverted`): check [`Included::outcome`].
///
/// # Errors
///
/// If the dry-run fails with a dispatch error (trap, out of gas, ...) or the transaction
/// cannot be submitted.
pub async fn call<S: Signer<Config>>(
	client: &Client,
	signer: &S,
	contract: &Contract,
	value: u128,
	call_data: &[u8],
) -> Result<(Included, DryRun)> {
	let origin: AccountId32 = signer.account_id();
	let dry = dry_run_call(client, &origin, contract, value, call_data).await?;
	dry.ensure_executed()?;
	let included = submit_call(client, signer, contract, value, dry.gas_limit(), call_data).await?;
	Ok((included, dry))
}

/// Submits `Contracts::call` with an explicit gas limit `(ref_time, proof_size)`, without a
/// dry-run.
///
/// # Errors
///
/// If the transaction cannot be submitted.
pub async fn submit_call<S: Signer<Config>>(
	client: &Client,
	signer: &S,
	contract: &Contract,
	value: u128,
	gas_limit: (u64, u64),
	call_data: &[u8],
) -> Result<Included> {
	client.submit(&call_payload(contract, value, gas_limit, call_data), signer).await
}

/// The account in `value`: an `AccountId32` event field as decoded by subxt (a composite
/// holding 32 bytes, possibly wrapped in one-field composites).
pub fn account_of(value: &Value) -> Option<AccountId32> {
	let bytes: [u8; 32] = bytes_of(value)?.try_into().ok()?;
	Some(AccountId32(bytes))
}

fn bytes_of(value: &Value) -> Option<Vec<u8>> {
	let ValueDef::Composite(composite) = &value.value else { return None };
	let values: Vec<&Value> = composite.values().collect();
	if let [inner] = values.as_slice() {
		if matches!(inner.value, ValueDef::Composite(_)) {
			return bytes_of(inner);
		}
	}
	values.iter().map(|v| v.as_u128().and_then(|n| u8::try_from(n).ok())).collect()
}

/// The storage deposit `who` paid in `included`, from the `Contracts` events: amounts
/// transferred from `who` and held (`StorageDepositTransferredAndHeld`) minus amounts
/// released to `who` (`StorageDepositTransferredAndReleased`). Storage deposits leave the
/// payer's free balance but not into the contract's free balance (they are held there).
pub fn storage_deposit_paid(included: &Included, who: &AccountId32) -> i128 {
	let mut paid: i128 = 0;
	for (pallet, event, fields) in &included.events {
		if pallet != PALLET {
			continue;
		}
		let amount = fields
			.at("amount")
			.and_then(|v| v.as_u128())
			.and_then(|a| i128::try_from(a).ok())
			.unwrap_or_default();
		let party = |name: &str| fields.at(name).and_then(account_of);
		match event.as_str() {
			"StorageDepositTransferredAndHeld" if party("from") == Some(*who) => paid += amount,
			"StorageDepositTransferredAndReleased" if party("to") == Some(*who) => paid -= amount,
			_ => {}
		}
	}
	paid
}

/// `balance - paid` for a signed `paid` (a storage deposit paid, negative when refunded), for
/// exact balance checks.
pub fn sub_signed(balance: u128, paid: i128) -> u128 {
	if paid >= 0 {
		balance - paid.unsigned_abs()
	} else {
		balance + paid.unsigned_abs()
	}
}

/// The number of block `hash`.
///
/// # Errors
///
/// If the node does not know the block.
pub async fn block_number(client: &Client, hash: H256) -> Result<u64> {
	Ok(client.legacy.chain_get_header(Some(hash)).await?.context("no such block")?.number)
}
