package dev.telescale.bot.transport;

/** The transport contract, run against {@link JdkHttpTransport}. */
class JdkHttpTransportTest extends TransportContractTest {

    @Override
    Transport create(int poolSize) {
        return JdkHttpTransport.builder().poolSize(poolSize).build();
    }
}
