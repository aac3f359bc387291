//! Data access on a real dev node: an owner registers an encrypted data set, a reader requests
//! access, the owner approves with a key envelope sealed to the reader (`sharechain-envelope`),
//! the reader opens it and decrypts the payload, pays for two metered accesses, is refused the
//! third, a revoked grantee is refused, and the access log over `dataAccess_*` RPC lists
//! exactly the accesses made.

use anyhow::Context;
use serde_json::Value as Json;
use sharechain_e2e::*;
use sharechain_envelope::{self as envelope, Binding, DataKey, PublicKey};
use std::time::Duration;
use subxt::{
	dynamic::{At, Value},
	rpcs::rpc_params,
	utils::AccountId32,
};
use subxt_signer::sr25519::dev;

const TIMEOUT: Duration = Duration::from_secs(120);
/// One SHR.
const UNIT: u128 = 1_000_000_000_000;
/// The runtime's `DataSetDeposit`.
const DATA_SET_DEPOSIT: u128 = 10 * UNIT;
/// The price of one access in this test.
const PRICE: u128 = 2 * UNIT;

fn tx(call: &str, fields: Vec<Value>) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	subxt::dynamic::tx("DataAccess", call, fields)
}

fn account_grantee(who: &AccountId32) -> Value {
	Value::unnamed_variant("Account", [Value::from_bytes(who.0)])
}

fn some(value: Value) -> Value {
	Value::unnamed_variant("Some", [value])
}

fn none() -> Value {
	Value::unnamed_variant("None", [])
}

/// `record_access(dataset_id, via_group: None, max_price, purpose: None)`.
fn record_access(
	dataset_id: u64,
	max_price: u128,
) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	tx(
		"record_access",
		vec![Value::u128(dataset_id.into()), none(), Value::u128(max_price), none()],
	)
}

fn bytes(json: &Json) -> anyhow::Result<Vec<u8>> {
	json.as_array()
		.context("expected a byte array")?
		.iter()
		.map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).context("not a byte"))
		.collect()
}

async fn rpc(
	client: &Client,
	method: &str,
	params: subxt::rpcs::client::RpcParams,
) -> anyhow::Result<Json> {
	Ok(client.rpc.request(method, params).await?)
}

#[tokio::test]
async fn request_approve_access_meter_revoke_and_audit() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-data-access")?;
	let node = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let owner = dev::bob();
	let owner_id = owner.public_key().to_account_id();
	let reader = dev::charlie();
	let reader_id = reader.public_key().to_account_id();
	let other = dev::dave(); // a grantee whose grant is revoked
	let other_id = other.public_key().to_account_id();

	// The owner encrypts the payload off chain and registers its digest.
	let plaintext = b"trip log 2026-11: 412 km, 9 rides".to_vec();
	let data_key = DataKey::generate();
	let encrypted = envelope::encrypt_payload(&data_key, &plaintext)?;
	let digest = envelope::digest(&encrypted);
	let registered = client
		.submit(
			&tx(
				"register_data_set",
				vec![
					Value::from_bytes(digest),
					Value::from_bytes(b"ipfs://bafy-trip-log"),
					Value::from_bytes(b"{\"schema\":\"trips/v1\"}"),
					Value::u128(PRICE),
				],
			),
			&owner,
		)
		.await?;
	assert_eq!(registered.outcome, Ok(()));
	let event = registered.event("DataAccess", "DataSetRegistered").context("registered")?;
	let dataset_id = event.at("dataset_id").and_then(|v| v.as_u128()).context("dataset_id")? as u64;
	let at = client.at(registered.block_hash).await?;
	let data = account_data(&at, &owner_id).await?;
	assert_eq!(data.at("reserved").and_then(|v| v.as_u128()), Some(DATA_SET_DEPOSIT));

	// The reader asks for access with its X25519 key; the owner approves with 2 uses.
	let reader_secret = envelope::generate_secret();
	let reader_public = PublicKey::from(&reader_secret);
	let requested = client
		.submit(
			&tx(
				"request_access",
				vec![
					Value::u128(dataset_id.into()),
					Value::from_bytes(b"insurance quote"),
					Value::from_bytes(reader_public.as_bytes()),
				],
			),
			&reader,
		)
		.await?;
	assert_eq!(requested.outcome, Ok(()));
	let request_id = requested
		.event("DataAccess", "AccessRequested")
		.and_then(|e| e.at("request_id"))
		.and_then(|v| v.as_u128())
		.context("request_id")?;
	let binding = Binding { dataset_id, digest };
	let sealed = envelope::seal(&data_key, &reader_public, &binding)?;
	let approved = client
		.submit(
			&tx(
				"approve_request",
				vec![
					Value::u128(request_id),
					none(),
					some(Value::u128(2)),
					Value::from_bytes(sealed),
				],
			),
			&owner,
		)
		.await?;
	assert_eq!(approved.outcome, Ok(()));
	assert!(approved.event("DataAccess", "AccessGranted").is_some());

	// The reader finds its envelope over RPC, opens it and decrypts the payload.
	let grants = rpc(&client, "dataAccess_grants", rpc_params![dataset_id]).await?;
	let grants = grants.as_array().context("grants")?;
	assert_eq!(grants.len(), 1, "{grants:?}");
	assert_eq!(grants[0]["usesLeft"], 2, "{grants:?}");
	let opened = envelope::open(&bytes(&grants[0]["envelope"])?, &reader_secret, &binding)?;
	assert_eq!(envelope::decrypt_payload(&opened, &encrypted)?, plaintext);
	let check =
		rpc(&client, "dataAccess_canAccess", rpc_params![dataset_id, reader_id.to_string()])
			.await?;
	assert!(check.get("allowed").is_some(), "{check}");

	// Two accesses: each moves exactly the price to the owner and uses one use.
	let mut access_blocks = Vec::new();
	for uses_left in [1u64, 0] {
		let before = client.best_hash().await?;
		let owner_before = client.free_balance(&owner_id, before).await?;
		let reader_before = client.free_balance(&reader_id, before).await?;
		let accessed = client.submit(&record_access(dataset_id, PRICE), &reader).await?;
		assert_eq!(accessed.outcome, Ok(()));
		let event = accessed.event("DataAccess", "DataAccessed").context("DataAccessed")?;
		assert_eq!(event.at("price").and_then(|v| v.as_u128()), Some(PRICE));
		let owner_after = client.free_balance(&owner_id, accessed.block_hash).await?;
		let reader_after = client.free_balance(&reader_id, accessed.block_hash).await?;
		assert_eq!(owner_after, owner_before + PRICE);
		assert_eq!(reader_after, reader_before - PRICE - accessed.fee);
		let grants = rpc(&client, "dataAccess_grants", rpc_params![dataset_id]).await?;
		assert_eq!(grants[0]["usesLeft"], uses_left, "{grants}");
		access_blocks.push(accessed.block_hash);
	}

	// The third access is refused: no uses left, no funds move (but the fee).
	let before = client.best_hash().await?;
	let owner_before = client.free_balance(&owner_id, before).await?;
	let reader_before = client.free_balance(&reader_id, before).await?;
	let refused = client.submit(&record_access(dataset_id, PRICE), &reader).await?;
	assert_eq!(refused.outcome, Err("DataAccess::NoUsesLeft".to_string()));
	assert_eq!(client.free_balance(&owner_id, refused.block_hash).await?, owner_before);
	assert_eq!(
		client.free_balance(&reader_id, refused.block_hash).await?,
		reader_before - refused.fee
	);
	let check =
		rpc(&client, "dataAccess_canAccess", rpc_params![dataset_id, reader_id.to_string()])
			.await?;
	assert_eq!(check["denied"]["reason"], "NoUsesLeft", "{check}");

	// The owner grants another account directly, then revokes it: its access is refused.
	let other_secret = envelope::generate_secret();
	let other_sealed = envelope::seal(&data_key, &PublicKey::from(&other_secret), &binding)?;
	let granted = client
		.submit(
			&tx(
				"grant",
				vec![
					Value::u128(dataset_id.into()),
					account_grantee(&other_id),
					Value::from_bytes(b"audit"),
					none(),
					none(),
					Value::from_bytes(other_sealed),
				],
			),
			&owner,
		)
		.await?;
	assert_eq!(granted.outcome, Ok(()));
	let revoked = client
		.submit(
			&tx("revoke", vec![Value::u128(dataset_id.into()), account_grantee(&other_id)]),
			&owner,
		)
		.await?;
	assert_eq!(revoked.outcome, Ok(()));
	assert!(revoked.event("DataAccess", "GrantRevoked").is_some());
	let refused = client.submit(&record_access(dataset_id, PRICE), &other).await?;
	assert_eq!(refused.outcome, Err("DataAccess::NoGrant".to_string()));

	// The audit trail lists exactly the two accesses, from both sides.
	let log = rpc(&client, "dataAccess_accessLog", rpc_params![dataset_id, 0]).await?;
	assert_eq!(log["total"], 2, "{log}");
	let entries = log["entries"].as_array().context("entries")?;
	assert_eq!(entries.len(), 2, "{log}");
	for (index, entry) in entries.iter().enumerate() {
		assert_eq!(entry["index"], index as u64, "{log}");
		assert_eq!(entry["entry"]["accessor"], reader_id.to_string(), "{log}");
		assert_eq!(entry["entry"]["price"], PRICE as u64, "{log}");
		let header =
			client.legacy.chain_get_header(Some(access_blocks[index])).await?.context("header")?;
		assert_eq!(entry["entry"]["block"], header.number, "{log}");
	}
	let mine = rpc(&client, "dataAccess_accessesBy", rpc_params![reader_id.to_string(), 0]).await?;
	assert_eq!(mine["total"], 2, "{mine}");
	let theirs =
		rpc(&client, "dataAccess_accessesBy", rpc_params![other_id.to_string(), 0]).await?;
	assert_eq!(theirs["total"], 0, "{theirs}");
	Ok(())
}
