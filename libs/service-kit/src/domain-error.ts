// DomainError lives in @napl/domain, which loads no framework: import it from there. This re-export only keeps
// code written against the old place compiling; remove it once nothing imports DomainError from here.
export { DomainError, type ErrorKind } from '@napl/domain';
