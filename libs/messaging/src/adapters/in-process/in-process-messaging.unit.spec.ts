import { describeMessagingContract } from '../../testing/messaging.contract';
import { InProcessMessaging } from './in-process-messaging';

describeMessagingContract('in-process', async () => {
  const messaging = new InProcessMessaging();
  return { messaging, dispose: () => messaging.close() };
});
