import * as sendEmail from './sendEmail.operation';
import * as sendCustomEmail from './sendCustomEmail.operation';
import * as sendSms from './sendSms.operation';
import * as pushNotification from './pushNotification.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('notification', { sendEmail, sendCustomEmail, sendSms, pushNotification }, 'sendEmail');
