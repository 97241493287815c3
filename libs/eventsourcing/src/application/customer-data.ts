import { failureOf, stackFramesOf } from '../failure';
import { Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';

/**
 * Something in this process that keeps a customer's data outside their streams (a read model, a
 * cache, a saved projection). The erasure calls it after the streams are deleted; forgetting a
 * customer it does not know changes nothing, so a repeated erasure is harmless.
 */
export interface CustomerDataHolder {
  readonly name: string;
  forgetCustomer(customerId: string): Promise<void> | void;
}

/** The holders of this process: each registers itself (usually in its constructor). */
@Injectable()
export class CustomerDataHolders {
  private readonly logger = new Logger('customer-data');
  private readonly holders: CustomerDataHolder[] = [];

  register(holder: CustomerDataHolder): void {
    this.holders.push(holder);
  }

  names(): string[] {
    return this.holders.map((holder) => holder.name);
  }

  /** Every holder forgets; one that fails fails the whole, so the erasure is tried again. */
  async forget(customerId: string): Promise<void> {
    for (const holder of this.holders) {
      try {
        await holder.forgetCustomer(customerId);
      } catch (error) {
        this.logger.error(`${holder.name} could not forget a customer: ${failureOf(error)}`, stackFramesOf(error));
        throw error;
      }
    }
  }
}

/** One registry per process, like leadership: the holders and the erasure import the same instance. */
@Module({})
export class CustomerDataModule {
  static forRoot(): DynamicModule {
    return { module: CustomerDataModule, providers: [CustomerDataHolders], exports: [CustomerDataHolders] };
  }
}
