//! Credit records on a real dev node: governance adds a reporter, the reporter files records,
//! the subject's score follows the documented formula over `credit_*` RPC, a dispute is
//! overturned, and a non-reporter is refused.

use anyhow::Context;
use serde_json::Value as Json;
use sharechain_e2e::*;
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
/// The runtime's `CreditDisputeDeposit`.
const DISPUTE_DEPOSIT: u128 = 10 * UNIT;

fn kind(name: &str) -> Value {
	Value::unnamed_variant(name, [])
}

/// The fields of `Credit::file_record`.
fn file_record(subject: &AccountId32, kind_name: &str, weight: u32, deal: u8) -> Fields {
	vec![
		("subject", Value::from_bytes(subject.0)),
		("kind", kind(kind_name)),
		("weight", Value::u128(weight.into())),
		("deal", Value::from_bytes([deal; 32])),
	]
}

type Fields = Vec<(&'static str, Value)>;

/// `Credit::<call>(fields)` as a transaction payload.
fn credit_tx(call: &str, fields: Fields) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	subxt::dynamic::tx("Credit", call, fields.into_iter().map(|(_, value)| value).collect())
}

async fn score(client: &Client, who: &AccountId32) -> anyhow::Result<Json> {
	Ok(client.rpc.request("credit_score", rpc_params![who.to_string()]).await?)
}

#[tokio::test]
async fn reporters_records_scores_and_disputes() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-credit")?;
	let node = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let alice = dev::alice(); // sudo
	let platform = dev::charlie(); // the reporter
	let platform_id = platform.public_key().to_account_id();
	let dave = dev::dave(); // the subject
	let dave_id = dave.public_key().to_account_id();
	let eve = dev::eve(); // not a reporter

	// A fresh account has the neutral score.
	let fresh = score(&client, &dave_id).await?;
	assert_eq!(fresh["score"], 500, "{fresh}");

	// Governance (Sudo) registers the platform as a reporter.
	let added = client
		.sudo(
			runtime_call(
				"Credit",
				"add_reporter",
				vec![
					("who", Value::from_bytes(platform_id.0)),
					("name", Value::from_bytes(b"RideCo")),
				],
			),
			&alice,
		)
		.await?;
	assert!(added.event("Credit", "ReporterAdded").is_some());
	let reporter: Json =
		client.rpc.request("credit_reporter", rpc_params![platform_id.to_string()]).await?;
	assert_eq!(reporter["name"], serde_json::json!(b"RideCo".to_vec()), "{reporter}");

	// The reporter files a completed deal (weight 3: +30) and a late payment (weight 1: -10).
	let filed = client
		.submit(&credit_tx("file_record", file_record(&dave_id, "CompletedDeal", 3, 1)), &platform)
		.await?;
	assert_eq!(filed.outcome, Ok(()));
	let filed = client
		.submit(&credit_tx("file_record", file_record(&dave_id, "LatePayment", 1, 2)), &platform)
		.await?;
	assert_eq!(filed.outcome, Ok(()));
	let record_fields = filed.event("Credit", "RecordFiled").context("RecordFiled")?;
	let late_id = record_fields.at("record_id").and_then(|v| v.as_u128()).context("record_id")?;

	// Both records are in the same decay epoch (30 days): score = 500 + 30 - 10.
	let details = score(&client, &dave_id).await?;
	assert_eq!(details["score"], 520, "{details}");
	assert_eq!(details["rawPoints"], 20, "{details}");
	assert_eq!(details["activePositive"], 1, "{details}");
	assert_eq!(details["activeNegative"], 1, "{details}");

	// The records are listed over RPC, oldest first.
	let page: Json =
		client.rpc.request("credit_records", rpc_params![dave_id.to_string(), 0]).await?;
	assert_eq!(page["total"], 2, "{page}");
	let records = page["records"].as_array().context("records")?;
	assert_eq!(records[0]["record"]["kind"], "CompletedDeal", "{page}");
	assert_eq!(records[1]["record"]["kind"], "LatePayment", "{page}");
	assert_eq!(records[1]["record"]["status"], "Active", "{page}");

	// Filing the same deal again is refused with the pallet's error.
	let dup = client
		.submit(&credit_tx("file_record", file_record(&dave_id, "LatePayment", 1, 2)), &platform)
		.await?;
	assert_eq!(dup.outcome, Err("Credit::DuplicateRecord".to_string()));

	// Dave disputes the late payment: the deposit is held and the record stops counting.
	let dispute = subxt::dynamic::tx("Credit", "dispute", vec![Value::u128(late_id)]);
	let disputed = client.submit(&dispute, &dave).await?;
	assert_eq!(disputed.outcome, Ok(()));
	let at = client.at(disputed.block_hash).await?;
	let data = account_data(&at, &dave_id).await?;
	assert_eq!(data.at("reserved").and_then(|v| v.as_u128()), Some(DISPUTE_DEPOSIT));
	let details = score(&client, &dave_id).await?;
	assert_eq!(details["score"], 530, "{details}");
	assert_eq!(details["disputed"], 1, "{details}");

	// The arbiter (Root) overturns it: the deposit comes back, the record never counts again.
	let resolved = client
		.sudo(
			runtime_call(
				"Credit",
				"resolve_dispute",
				vec![("record_id", Value::u128(late_id)), ("overturn", Value::bool(true))],
			),
			&alice,
		)
		.await?;
	assert!(resolved.event("Credit", "DisputeOverturned").is_some());
	let at = client.at(resolved.block_hash).await?;
	let data = account_data(&at, &dave_id).await?;
	assert_eq!(data.at("reserved").and_then(|v| v.as_u128()), Some(0));
	let details = score(&client, &dave_id).await?;
	assert_eq!(details["score"], 530, "{details}");
	assert_eq!(details["overturned"], 1, "{details}");
	assert_eq!(details["disputed"], 0, "{details}");
	let page: Json =
		client.rpc.request("credit_records", rpc_params![dave_id.to_string(), 0]).await?;
	assert_eq!(page["records"][1]["record"]["status"], "Overturned", "{page}");

	// Someone who is not a reporter cannot file records.
	let refused = client
		.submit(&credit_tx("file_record", file_record(&dave_id, "Default", 10, 3)), &eve)
		.await?;
	assert_eq!(refused.outcome, Err("Credit::NotReporter".to_string()));
	let details = score(&client, &dave_id).await?;
	assert_eq!(details["score"], 530, "{details}");

	// The reporter's own view lists what it filed.
	let filed_by: Json = client
		.rpc
		.request("credit_reporterRecords", rpc_params![platform_id.to_string(), 0])
		.await?;
	assert_eq!(filed_by["total"], 2, "{filed_by}");
	Ok(())
}
