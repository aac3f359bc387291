//! Talking to a node: connection, blocks, balances and transactions, over JSON-RPC.

use anyhow::{anyhow, bail, Context, Result};
use std::time::{Duration, Instant};
use subxt::{
	dynamic::{self, At, Value},
	error::{DispatchError, ExtrinsicError, TransactionEventsError, TransactionStatusError},
	extrinsics::ExtrinsicEvents,
	rpcs::{LegacyRpcMethods, RpcClient},
	transactions::{Signer, TransactionStatus},
	utils::{AccountId32, H256},
	OnlineClient, OnlineClientAtBlock, SubstrateConfig,
};

/// The client configuration: Sharechain uses the standard Substrate types.
pub type Config = SubstrateConfig;
/// A high-level client.
pub type Api = OnlineClient<Config>;
/// Legacy JSON-RPC methods (`chain_*`, `author_*`, `system_*`) on the same connection.
pub type Legacy = LegacyRpcMethods<subxt::config::RpcConfigFor<Config>>;

/// One connection to a node, usable through subxt's high-level API, the legacy RPC methods,
/// or raw JSON-RPC requests.
pub struct Client {
	/// High-level client.
	pub api: Api,
	/// Raw JSON-RPC.
	pub rpc: RpcClient,
	/// Legacy RPC methods.
	pub legacy: Legacy,
}

impl Client {
	/// Connects to `url`, retrying until the node answers or `timeout` passes.
	pub async fn connect(url: &str, timeout: Duration) -> Result<Self> {
		let deadline = Instant::now() + timeout;
		loop {
			let attempt = async {
				let rpc = RpcClient::from_insecure_url(url).await?;
				let api = Api::from_rpc_client(rpc.clone()).await?;
				anyhow::Ok((api, rpc))
			}
			.await;
			match attempt {
				Ok((api, rpc)) => return Ok(Self { api, legacy: Legacy::new(rpc.clone()), rpc }),
				Err(_) if Instant::now() < deadline => {
					tokio::time::sleep(Duration::from_millis(250)).await
				}
				Err(e) => return Err(e.context(format!("node at {url} not reachable"))),
			}
		}
	}

	/// Number of the best block.
	pub async fn best_number(&self) -> Result<u64> {
		Ok(self.legacy.chain_get_header(None).await?.context("no best header")?.number)
	}

	/// Hash of the best block.
	pub async fn best_hash(&self) -> Result<H256> {
		self.legacy.chain_get_block_hash(None).await?.context("no best block hash")
	}

	/// Number and hash of the finalized head.
	pub async fn finalized(&self) -> Result<(u64, H256)> {
		let hash = self.legacy.chain_get_finalized_head().await?;
		let header =
			self.legacy.chain_get_header(Some(hash)).await?.context("no finalized header")?;
		Ok((header.number, hash))
	}

	/// Waits until the finalized head reaches `number`.
	pub async fn wait_finalized(&self, number: u64, timeout: Duration) -> Result<(u64, H256)> {
		let deadline = Instant::now() + timeout;
		loop {
			let finalized = self.finalized().await?;
			if finalized.0 >= number {
				return Ok(finalized);
			}
			if Instant::now() > deadline {
				bail!("finalized head stuck at #{} (waited for #{number})", finalized.0);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until the best block reaches `number`.
	pub async fn wait_best(&self, number: u64, timeout: Duration) -> Result<u64> {
		let deadline = Instant::now() + timeout;
		loop {
			let best = self.best_number().await?;
			if best >= number {
				return Ok(best);
			}
			if Instant::now() > deadline {
				bail!("best block stuck at #{best} (waited for #{number})");
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until the node has at least `peers` peers.
	pub async fn wait_peers(&self, peers: usize, timeout: Duration) -> Result<usize> {
		let deadline = Instant::now() + timeout;
		loop {
			let health = self.legacy.system_health().await?;
			if health.peers >= peers {
				return Ok(health.peers);
			}
			if Instant::now() > deadline {
				bail!("only {} peers (waited for {peers})", health.peers);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// The client positioned at `hash`.
	pub async fn at(&self, hash: H256) -> Result<OnlineClientAtBlock<Config>> {
		Ok(self.api.at_block(hash).await?)
	}

	/// Free balance of `who` at block `hash`.
	pub async fn free_balance(&self, who: &AccountId32, hash: H256) -> Result<u128> {
		let at = self.at(hash).await?;
		free_balance(&at, who).await
	}

	/// Submits `Sudo::sudo(call)` signed by `sudo_key` and checks that the inner call
	/// succeeded (`Sudo::Sudid { sudo_result: Ok }`).
	pub async fn sudo<S: Signer<Config>>(&self, call: Value, sudo_key: &S) -> Result<Included> {
		let included = self.submit(&sudo(call), sudo_key).await?;
		included.outcome.clone().map_err(|e| anyhow!("sudo extrinsic failed: {e}"))?;
		let result = included
			.events
			.iter()
			.find(|(pallet, event, _)| pallet == "Sudo" && event == "Sudid")
			.map(|(_, _, fields)| fields.clone())
			.context("no Sudo::Sudid event")?;
		let sudo_result = result.at("sudo_result").context("Sudid.sudo_result")?;
		match &sudo_result.value {
			subxt::ext::scale_value::ValueDef::Variant(v) if v.name == "Ok" => Ok(included),
			_ => bail!("the call dispatched by sudo failed: {sudo_result}"),
		}
	}

	/// Signs and submits `call` with the next nonce from the pool, and waits until it is in a
	/// best block.
	pub async fn submit<S: Signer<Config>>(
		&self,
		call: &subxt::transactions::DynamicPayload<Vec<Value>>,
		signer: &S,
	) -> Result<Included> {
		let account = signer.account_id();
		let nonce = self.legacy.system_account_next_index(&account).await?;
		let params =
			subxt::config::DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).build();
		let best = self.best_hash().await?;
		let at = self.at(best).await?;
		let mut progress = at
			.tx()
			.sign_and_submit_then_watch(call, signer, params)
			.await
			.map_err(|e| anyhow!(rejection(&e).unwrap_or_else(|| format!("{e:?}"))))?;
		loop {
			match progress.next().await.context("transaction status stream ended")?? {
				TransactionStatus::InBestBlock(in_block)
				| TransactionStatus::InFinalizedBlock(in_block) => {
					let block_hash = in_block.block_hash();
					let events = in_block.fetch_events().await?;
					let mut decoded = Vec::new();
					for event in events.iter() {
						let event = event?;
						let fields: Value = event.decode_fields_unchecked_as()?;
						decoded.push((
							event.pallet_name().to_string(),
							event.event_name().to_string(),
							fields,
						));
					}
					let outcome = match in_block.wait_for_success().await {
						Ok(_) => Ok(()),
						Err(TransactionEventsError::ExtrinsicFailed(err)) => {
							Err(dispatch_error_name(&err))
						}
						Err(e) => return Err(e.into()),
					};
					return Ok(Included {
						block_hash,
						fee: actual_fee(&events)?,
						outcome,
						events: decoded,
					});
				}
				TransactionStatus::Invalid { message }
				| TransactionStatus::Dropped { message }
				| TransactionStatus::Error { message } => bail!("{message}"),
				_ => {}
			}
		}
	}
}

/// A transaction included in a block.
#[derive(Debug)]
pub struct Included {
	/// The block it is in.
	pub block_hash: H256,
	/// The fee it paid (`TransactionPayment::TransactionFeePaid::actual_fee`).
	pub fee: u128,
	/// `Ok` if it dispatched successfully, else the dispatch error's name
	/// (`Pallet::Variant`, or e.g. `Token::FundsUnavailable`).
	pub outcome: std::result::Result<(), String>,
	/// Its events: pallet, event name and fields.
	pub events: Vec<(String, String, Value)>,
}

impl Included {
	/// The fields of the first event `pallet::event` it emitted.
	pub fn event(&self, pallet: &str, event: &str) -> Option<&Value> {
		self.events.iter().find(|(p, e, _)| p == pallet && e == event).map(|(_, _, f)| f)
	}
}

/// `System.Account(who).data` (`free`, `reserved`, `frozen`, `flags`) in the state of `at`.
pub async fn account_data(at: &OnlineClientAtBlock<Config>, who: &AccountId32) -> Result<Value> {
	let addr = dynamic::storage::<(AccountId32,), Value>("System", "Account");
	let info: Value = at.storage().fetch(addr, (*who,)).await?.decode()?;
	info.at("data").cloned().context("System.Account data")
}

/// A `RuntimeCall` value: `pallet::call { fields }` (named fields, in declaration order).
pub fn runtime_call(pallet: &str, call: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(
		pallet,
		[Value::named_variant(
			call,
			fields.into_iter().map(|(name, value)| (name.to_string(), value)),
		)],
	)
}

/// `Sudo::sudo(call)`.
pub fn sudo(call: Value) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	dynamic::tx("Sudo", "sudo", vec![call])
}

/// Free balance of `who` in the state of `at`.
pub async fn free_balance(at: &OnlineClientAtBlock<Config>, who: &AccountId32) -> Result<u128> {
	let addr = dynamic::storage::<(AccountId32,), Value>("System", "Account");
	let info: Value = at.storage().fetch(addr, (*who,)).await?.decode()?;
	info.at("data").at("free").and_then(|v| v.as_u128()).context("System.Account data.free")
}

/// `Balances::transfer_keep_alive(dest, value)`.
pub fn transfer_keep_alive(
	dest: &AccountId32,
	value: u128,
) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	dynamic::tx(
		"Balances",
		"transfer_keep_alive",
		vec![Value::unnamed_variant("Id", [Value::from_bytes(dest.0)]), Value::u128(value)],
	)
}

/// The fee paid by the extrinsic whose events these are.
pub fn actual_fee(events: &ExtrinsicEvents<Config>) -> Result<u128> {
	for event in events.iter() {
		let event = event?;
		if event.pallet_name() == "TransactionPayment" && event.event_name() == "TransactionFeePaid"
		{
			let fields: Value = event.decode_fields_unchecked_as()?;
			return fields
				.at("actual_fee")
				.and_then(|v| v.as_u128())
				.context("TransactionFeePaid.actual_fee");
		}
	}
	bail!("no TransactionFeePaid event")
}

/// A readable name for a dispatch error: `Pallet::Variant` for module errors.
pub fn dispatch_error_name(err: &DispatchError) -> String {
	match err {
		DispatchError::Module(module) => match module.details() {
			Ok(details) => format!("{}::{}", details.pallet.name(), details.variant.name),
			Err(_) => format!("{module:?}"),
		},
		other => format!("{other:?}"),
	}
}

/// The node's reason for rejecting a transaction, if `e` is a rejection.
pub fn rejection(e: &ExtrinsicError) -> Option<String> {
	match e {
		ExtrinsicError::TransactionStatusError(
			TransactionStatusError::Invalid(m)
			| TransactionStatusError::Dropped(m)
			| TransactionStatusError::Error(m),
		) => Some(m.clone()),
		ExtrinsicError::ErrorSubmittingTransaction(subxt::error::BackendError::Rpc(
			subxt::error::RpcError::ClientError(subxt::rpcs::Error::User(u)),
		)) => Some(format!(
			"{} ({}): {}",
			u.message,
			u.code,
			u.data.as_deref().map(|d| d.get()).unwrap_or("")
		)),
		_ => None,
	}
}

/// Temporary directory for node base paths (removed when dropped).
pub fn temp_dir(prefix: &str) -> Result<tempfile::TempDir> {
	Ok(tempfile::Builder::new().prefix(prefix).tempdir()?)
}
