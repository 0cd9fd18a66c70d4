export { keyId, PiiCipher, PiiKeyError } from './pii-cipher';
