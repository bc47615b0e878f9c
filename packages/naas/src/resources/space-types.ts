/** A container as the server returns it. Unknown fields are kept. */
export interface Container {
  name: string;
  image: string;
  env?: Record<string, string>;
  port: number;
  cpu: string;
  memory: string;
  [key: string]: unknown;
}

/** A space as the server returns it. Unknown fields are kept. */
export interface Space {
  name: string;
  user_id?: string;
  id?: string;
  domain?: string;
  containers?: Container[];
  [key: string]: unknown;
}
