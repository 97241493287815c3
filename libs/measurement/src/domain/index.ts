export * from './channel-activity.projection';
