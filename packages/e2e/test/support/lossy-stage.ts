// A stage consumer that dies mid-document in its own process: it takes messages off a work queue
// and acknowledges them on receipt (as an auto-ack consumer would), says which document it took,
// and never does the work. A test SIGKILLs it; the message is gone and the document is stuck.
import { connect } from 'amqplib';

async function main(): Promise<void> {
  const model = await connect(process.env.AMQP_URL!);
  const channel = await model.createChannel();
  await channel.prefetch(1);
  await channel.consume(process.env.STAGE_QUEUE!, (msg) => {
    if (!msg) return;
    channel.ack(msg);
    const event = JSON.parse(msg.content.toString('utf8')) as { documentId?: string };
    process.stdout.write(`took ${event.documentId}\n`);
  });
  process.stdout.write('ready\n');
}

void main();
