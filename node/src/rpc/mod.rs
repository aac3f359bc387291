//! The node's JSON-RPC extensions, added to the standard Substrate methods
//! (`system_*`, `chain_*`, `state_*`, `author_*`, `chainHead_v1_*`, ...).

pub mod credit;
pub mod data_access;
pub mod voting;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sharechain_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// Builds the RPC extensions: `system_accountNextIndex`, `system_dryRun`,
/// `payment_queryInfo`, `payment_queryFeeDetails`, and Sharechain's `credit_*`, `dataAccess_*`
/// and `voting_*` methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_credit_runtime_api::CreditApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_data_access_runtime_api::DataAccessApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_voting_runtime_api::VotingApi<Block, AccountId, Balance, BlockNumber>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment::RuntimeDispatchInfo;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sp_runtime::Weight;
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(SystemApiServer::<_, AccountId, Nonce>::into_rpc(System::new(
		client.clone(),
		pool,
	)))?;
	module.merge(
		TransactionPaymentApiServer::<_, RuntimeDispatchInfo<Balance, Weight>>::into_rpc(
			TransactionPayment::<_, Block>::new(client.clone()),
		),
	)?;
	module.merge(credit::CreditApiServer::into_rpc(credit::Credit::new(client.clone())))?;
	module.merge(data_access::DataAccessApiServer::into_rpc(data_access::DataAccess::new(
		client.clone(),
	)))?;
	module.merge(voting::VotingApiServer::into_rpc(voting::Voting::new(client)))?;

	Ok(module)
}
