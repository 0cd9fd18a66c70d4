export { keyId, keyIdOfBytes, PiiCipher, PiiKeyError } from './pii-cipher';
