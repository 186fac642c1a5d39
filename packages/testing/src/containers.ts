import type { TestServers } from './servers';

/**
 * RabbitMQ (with management) and MongoDB in containers, for machines with a Docker engine. The
 * containers live as long as the test run (testcontainers' reaper removes them afterwards).
 */
export async function startContainers(): Promise<TestServers> {
  const { RabbitMQContainer } = await import('@testcontainers/rabbitmq');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [rabbit, mongo] = await Promise.all([
    new RabbitMQContainer('rabbitmq:3.13-management').start(),
    new MongoDBContainer('mongo:7').start(),
  ]);
  const host = rabbit.getHost();
  return {
    AMQP_URL: rabbit.getAmqpUrl(),
    RABBITMQ_MANAGEMENT_URL: `http://guest:guest@${host}:${rabbit.getMappedPort(15672)}`,
    MONGODB_URL: `${mongo.getConnectionString()}?directConnection=true`,
    MONGODB_SERVER: 'mongod (testcontainers mongo:7)',
    SOURCE: 'testcontainers',
  };
}
