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

/** A container as sent on create and update: cpu and memory are strings (`"0.5"`, `"512Mi"`). */
export interface ContainerInput {
  /** 1–63 letters, digits and hyphens. */
  name: string;
  /** `repo[:tag]`, e.g. `nginx:1.27`. */
  image: string;
  env?: Record<string, string>;
  /** 0–65535. */
  port: number;
  /** `1`, `0.5` or `500m`. */
  cpu: string;
  /** `512Mi`, `2Gi`. */
  memory: string;
}
