import { notFound as notFoundPage } from "next/navigation";
import { AppError } from "@/lib/api/errors";

/** For pages: a 404 from a use-case renders the not-found page instead of an error. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFoundPage();
    throw error;
  }
}
